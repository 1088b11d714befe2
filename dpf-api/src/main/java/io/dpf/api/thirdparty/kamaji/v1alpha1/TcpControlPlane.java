package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TcpControlPlane extends OpenObject {
  @JsonProperty("deployment")
  private TcpDeployment deployment;
  @JsonProperty("service")
  private TcpService service;

  public TcpDeployment getDeployment() {
    return deployment;
  }

  public void setDeployment(TcpDeployment deployment) {
    this.deployment = deployment;
  }

  public TcpService getService() {
    return service;
  }

  public void setService(TcpService service) {
    this.service = service;
  }
}
