package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUDeploymentServiceConfiguration {
  /** DPUServiceTemplate name. */
  @Required
  @JsonProperty("serviceTemplate")
  private String serviceTemplate;
  /** DPUServiceConfiguration name. */
  @Required
  @JsonProperty("serviceConfiguration")
  private String serviceConfiguration;

  public String getServiceTemplate() {
    return serviceTemplate;
  }

  public void setServiceTemplate(String serviceTemplate) {
    this.serviceTemplate = serviceTemplate;
  }

  public String getServiceConfiguration() {
    return serviceConfiguration;
  }

  public void setServiceConfiguration(String serviceConfiguration) {
    this.serviceConfiguration = serviceConfiguration;
  }
}
