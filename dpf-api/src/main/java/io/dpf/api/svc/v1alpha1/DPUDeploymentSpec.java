package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUDeploymentSpec {
  @Required
  @JsonProperty("dpus")
  private DeploymentDPUs dpus;
  /** Keyed by the deployment's own service name. */
  @Required
  @JsonProperty("services")
  private Map<String, DPUDeploymentServiceConfiguration> services;
  @Required
  @Size(min = 1, max = 50)
  @JsonProperty("serviceChains")
  private List<DPUDeploymentSwitch> serviceChains;

  public DeploymentDPUs getDpus() {
    return dpus;
  }

  public void setDpus(DeploymentDPUs dpus) {
    this.dpus = dpus;
  }

  public Map<String, DPUDeploymentServiceConfiguration> getServices() {
    return services;
  }

  public void setServices(Map<String, DPUDeploymentServiceConfiguration> services) {
    this.services = services;
  }

  public List<DPUDeploymentSwitch> getServiceChains() {
    return serviceChains;
  }

  public void setServiceChains(List<DPUDeploymentSwitch> serviceChains) {
    this.serviceChains = serviceChains;
  }
}
