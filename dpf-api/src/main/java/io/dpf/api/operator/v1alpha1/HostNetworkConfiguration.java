package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class HostNetworkConfiguration {
  /** Host PF0 interface name, e.g. ens2f0np0. */
  @JsonProperty("hostPF0")
  private String hostPF0;
  /** Host PF0 VF0 interface name, e.g. enp23s0f0v0. */
  @JsonProperty("hostPF0VF0")
  private String hostPF0VF0;
  /** The network the host and DPU addresses below belong to. */
  @JsonProperty("cidr")
  private String cidr;
  @JsonProperty("hosts")
  private List<HostNetworkHost> hosts;

  public String getHostPF0() {
    return hostPF0;
  }

  public void setHostPF0(String hostPF0) {
    this.hostPF0 = hostPF0;
  }

  public String getHostPF0VF0() {
    return hostPF0VF0;
  }

  public void setHostPF0VF0(String hostPF0VF0) {
    this.hostPF0VF0 = hostPF0VF0;
  }

  public String getCidr() {
    return cidr;
  }

  public void setCidr(String cidr) {
    this.cidr = cidr;
  }

  public List<HostNetworkHost> getHosts() {
    return hosts;
  }

  public void setHosts(List<HostNetworkHost> hosts) {
    this.hosts = hosts;
  }
}
