package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TcpAddons extends OpenObject {
  @JsonProperty("coreDNS")
  private OpenAddon coreDNS;
  @JsonProperty("kubeProxy")
  private OpenAddon kubeProxy;
  @JsonProperty("konnectivity")
  private OpenAddon konnectivity;

  public OpenAddon getCoreDNS() {
    return coreDNS;
  }

  public void setCoreDNS(OpenAddon coreDNS) {
    this.coreDNS = coreDNS;
  }

  public OpenAddon getKubeProxy() {
    return kubeProxy;
  }

  public void setKubeProxy(OpenAddon kubeProxy) {
    this.kubeProxy = kubeProxy;
  }

  public OpenAddon getKonnectivity() {
    return konnectivity;
  }

  public void setKonnectivity(OpenAddon konnectivity) {
    this.konnectivity = konnectivity;
  }
}
