package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "has(self.service) != has(self.serviceInterface)",
    message = "exactly one of service or serviceInterface must be set", fieldPath = ".service")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUDeploymentPort {
  @JsonProperty("service")
  private DPUDeploymentService service;
  @JsonProperty("serviceInterface")
  private ServiceIfc serviceInterface;

  public DPUDeploymentService getService() {
    return service;
  }

  public void setService(DPUDeploymentService service) {
    this.service = service;
  }

  public ServiceIfc getServiceInterface() {
    return serviceInterface;
  }

  public void setServiceInterface(ServiceIfc serviceInterface) {
    this.serviceInterface = serviceInterface;
  }
}
