package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;

/** One host/DPU pair of the OVN-Kubernetes offload configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HostNetworkHost {
  @Required
  @JsonProperty("hostClusterNodeName")
  private String hostClusterNodeName;
  @JsonProperty("dpuClusterNodeName")
  private String dpuClusterNodeName;
  /** Host address with prefix length, e.g. 10.0.96.10/24. */
  @JsonProperty("hostIP")
  private String hostIP;
  /** DPU address with prefix length. */
  @JsonProperty("dpuIP")
  private String dpuIP;
  @JsonProperty("gateway")
  private String gateway;

  public String getHostClusterNodeName() {
    return hostClusterNodeName;
  }

  public void setHostClusterNodeName(String hostClusterNodeName) {
    this.hostClusterNodeName = hostClusterNodeName;
  }

  public String getDpuClusterNodeName() {
    return dpuClusterNodeName;
  }

  public void setDpuClusterNodeName(String dpuClusterNodeName) {
    this.dpuClusterNodeName = dpuClusterNodeName;
  }

  public String getHostIP() {
    return hostIP;
  }

  public void setHostIP(String hostIP) {
    this.hostIP = hostIP;
  }

  public String getDpuIP() {
    return dpuIP;
  }

  public void setDpuIP(String dpuIP) {
    this.dpuIP = dpuIP;
  }

  public String getGateway() {
    return gateway;
  }

  public void setGateway(String gateway) {
    this.gateway = gateway;
  }
}
