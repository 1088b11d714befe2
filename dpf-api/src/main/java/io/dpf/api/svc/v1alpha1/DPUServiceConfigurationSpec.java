package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUServiceConfigurationSpec {
  @Required
  @JsonProperty("deploymentServiceName")
  private String deploymentServiceName;
  @JsonProperty("serviceConfiguration")
  private ServiceConfiguration serviceConfiguration;
  @Size(min = 1, max = 50)
  @JsonProperty("interfaces")
  private List<ServiceInterfaceTemplate> interfaces;

  public String getDeploymentServiceName() {
    return deploymentServiceName;
  }

  public void setDeploymentServiceName(String deploymentServiceName) {
    this.deploymentServiceName = deploymentServiceName;
  }

  public ServiceConfiguration getServiceConfiguration() {
    return serviceConfiguration;
  }

  public void setServiceConfiguration(ServiceConfiguration serviceConfiguration) {
    this.serviceConfiguration = serviceConfiguration;
  }

  public List<ServiceInterfaceTemplate> getInterfaces() {
    return interfaces;
  }

  public void setInterfaces(List<ServiceInterfaceTemplate> interfaces) {
    this.interfaces = interfaces;
  }
}
