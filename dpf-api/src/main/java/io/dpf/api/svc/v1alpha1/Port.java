package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Port {
  @Required
  @JsonProperty("serviceInterface")
  private ServiceIfc serviceInterface;

  public ServiceIfc getServiceInterface() {
    return serviceInterface;
  }

  public void setServiceInterface(ServiceIfc serviceInterface) {
    this.serviceInterface = serviceInterface;
  }
}
