package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;

/** A port on one of the deployment's services. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUDeploymentService {
  /** Key in spec.services. */
  @Required
  @JsonProperty("name")
  private String name;
  /** Interface name from the service's DPUServiceConfiguration. */
  @Required
  @JsonProperty("interface")
  private String iface;
  @JsonProperty("ipam")
  private IPAM ipam;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getIface() {
    return iface;
  }

  public void setIface(String iface) {
    this.iface = iface;
  }

  public IPAM getIpam() {
    return ipam;
  }

  public void setIpam(IPAM ipam) {
    this.ipam = ipam;
  }
}
