package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantControlPlaneSpec extends OpenObject {
  @JsonProperty("dataStore")
  private String dataStore;
  @JsonProperty("controlPlane")
  private TcpControlPlane controlPlane;
  @JsonProperty("kubernetes")
  private TcpKubernetes kubernetes;
  @JsonProperty("networkProfile")
  private TcpNetworkProfile networkProfile;
  @JsonProperty("addons")
  private TcpAddons addons;

  public String getDataStore() {
    return dataStore;
  }

  public void setDataStore(String dataStore) {
    this.dataStore = dataStore;
  }

  public TcpControlPlane getControlPlane() {
    return controlPlane;
  }

  public void setControlPlane(TcpControlPlane controlPlane) {
    this.controlPlane = controlPlane;
  }

  public TcpKubernetes getKubernetes() {
    return kubernetes;
  }

  public void setKubernetes(TcpKubernetes kubernetes) {
    this.kubernetes = kubernetes;
  }

  public TcpNetworkProfile getNetworkProfile() {
    return networkProfile;
  }

  public void setNetworkProfile(TcpNetworkProfile networkProfile) {
    this.networkProfile = networkProfile;
  }

  public TcpAddons getAddons() {
    return addons;
  }

  public void setAddons(TcpAddons addons) {
    this.addons = addons;
  }
}
