package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceInterfaceSetSpec {
  @JsonProperty("nodeSelector")
  private LabelSelector nodeSelector;
  @Required
  @JsonProperty("template")
  private ServiceInterfaceSpecTemplate template;

  public LabelSelector getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(LabelSelector nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public ServiceInterfaceSpecTemplate getTemplate() {
    return template;
  }

  public void setTemplate(ServiceInterfaceSpecTemplate template) {
    this.template = template;
  }
}
