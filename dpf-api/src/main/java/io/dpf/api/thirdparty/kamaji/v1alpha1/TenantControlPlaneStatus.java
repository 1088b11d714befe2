package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantControlPlaneStatus extends OpenObject {
  @JsonProperty("kubernetesResources")
  private TcpKubernetesResources kubernetesResources;
  @JsonProperty("kubeconfig")
  private TcpKubeconfigs kubeconfig;
  @JsonProperty("controlPlaneEndpoint")
  private String controlPlaneEndpoint;

  public TcpKubernetesResources getKubernetesResources() {
    return kubernetesResources;
  }

  public void setKubernetesResources(TcpKubernetesResources kubernetesResources) {
    this.kubernetesResources = kubernetesResources;
  }

  public TcpKubeconfigs getKubeconfig() {
    return kubeconfig;
  }

  public void setKubeconfig(TcpKubeconfigs kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  public String getControlPlaneEndpoint() {
    return controlPlaneEndpoint;
  }

  public void setControlPlaneEndpoint(String controlPlaneEndpoint) {
    this.controlPlaneEndpoint = controlPlaneEndpoint;
  }
}
