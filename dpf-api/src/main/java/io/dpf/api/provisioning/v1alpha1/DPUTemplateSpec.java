package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUTemplateSpec {
  @Required
  @JsonProperty("bfb")
  private BFBReference bfb;
  @JsonProperty("nodeEffect")
  private NodeEffect nodeEffect;
  @JsonProperty("cluster")
  private DPUTemplateCluster cluster;
  @Required
  @JsonProperty("dpuFlavor")
  private String dpuFlavor;
  @Default("true")
  @JsonProperty("automaticNodeReboot")
  private Boolean automaticNodeReboot;
  /** Additive: how the DPUs of this set get their OS; see DPUSpec.installInterface. */
  @JsonProperty("installInterface")
  private InstallInterface installInterface;
  /** Additive: Secret with the BMC credentials of the set's DPUs (keys username, password). */
  @JsonProperty("bmcCredentialsSecret")
  private String bmcCredentialsSecret;
  /** Additive: HTTPS port of the set's BMCs (their addresses come from the nodes' dpu-N-bmc-ip labels). */
  @Min(1)
  @Max(65535)
  @JsonProperty("bmcPort")
  private Integer bmcPort;

  public BFBReference getBfb() {
    return bfb;
  }

  public void setBfb(BFBReference bfb) {
    this.bfb = bfb;
  }

  public NodeEffect getNodeEffect() {
    return nodeEffect;
  }

  public void setNodeEffect(NodeEffect nodeEffect) {
    this.nodeEffect = nodeEffect;
  }

  public DPUTemplateCluster getCluster() {
    return cluster;
  }

  public void setCluster(DPUTemplateCluster cluster) {
    this.cluster = cluster;
  }

  public String getDpuFlavor() {
    return dpuFlavor;
  }

  public void setDpuFlavor(String dpuFlavor) {
    this.dpuFlavor = dpuFlavor;
  }

  public Boolean getAutomaticNodeReboot() {
    return automaticNodeReboot;
  }

  public void setAutomaticNodeReboot(Boolean automaticNodeReboot) {
    this.automaticNodeReboot = automaticNodeReboot;
  }

  public InstallInterface getInstallInterface() {
    return installInterface;
  }

  public void setInstallInterface(InstallInterface installInterface) {
    this.installInterface = installInterface;
  }

  public String getBmcCredentialsSecret() {
    return bmcCredentialsSecret;
  }

  public void setBmcCredentialsSecret(String bmcCredentialsSecret) {
    this.bmcCredentialsSecret = bmcCredentialsSecret;
  }

  public Integer getBmcPort() {
    return bmcPort;
  }

  public void setBmcPort(Integer bmcPort) {
    this.bmcPort = bmcPort;
  }
}
