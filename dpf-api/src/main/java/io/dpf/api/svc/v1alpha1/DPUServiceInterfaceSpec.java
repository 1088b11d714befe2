package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUServiceInterfaceSpec {
  @JsonProperty("clusterSelector")
  private LabelSelector clusterSelector;
  @Required
  @JsonProperty("template")
  private ServiceInterfaceSetSpecTemplate template;

  public LabelSelector getClusterSelector() {
    return clusterSelector;
  }

  public void setClusterSelector(LabelSelector clusterSelector) {
    this.clusterSelector = clusterSelector;
  }

  public ServiceInterfaceSetSpecTemplate getTemplate() {
    return template;
  }

  public void setTemplate(ServiceInterfaceSetSpecTemplate template) {
    this.template = template;
  }
}
