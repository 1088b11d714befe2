package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUServiceChainSpec {
  /** Which DPU clusters get the chain; today every cluster does (as in DPF v25.1). */
  @JsonProperty("clusterSelector")
  private LabelSelector clusterSelector;
  @Required
  @JsonProperty("template")
  private ServiceChainSetSpecTemplate template;

  public LabelSelector getClusterSelector() {
    return clusterSelector;
  }

  public void setClusterSelector(LabelSelector clusterSelector) {
    this.clusterSelector = clusterSelector;
  }

  public ServiceChainSetSpecTemplate getTemplate() {
    return template;
  }

  public void setTemplate(ServiceChainSetSpecTemplate template) {
    this.template = template;
  }
}
