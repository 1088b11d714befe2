package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "!has(oldSelf.pciAddress) || (has(self.pciAddress) && self.pciAddress == oldSelf.pciAddress)",
    message = "pciAddress is immutable", fieldPath = ".pciAddress")
@ValidationRule(value = "!has(self.installInterface) || self.installInterface != 'redfish'"
    + " || (has(self.bmcIp) && has(self.bmcCredentialsSecret))",
    message = "bmcIp and bmcCredentialsSecret are required when installInterface is redfish", fieldPath = ".bmcIp")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUSpec {
  /** Host node the DPU is in. */
  @Required
  @Size(max = 253)
  @ValidationRule(value = "self == oldSelf", message = "nodeName is immutable")
  @JsonProperty("nodeName")
  private String nodeName;
  /** BFB name in the same namespace. */
  @Required
  @JsonProperty("bfb")
  private String bfb;
  /** PCI address in label form, e.g. 0000-4b-00. */
  @Pattern(ApiPatterns.PCI_ADDRESS_LABEL)
  @Size(max = 10)
  @JsonProperty("pciAddress")
  private String pciAddress;
  @Default("{\"drain\":{\"automaticNodeReboot\":true}}")
  @JsonProperty("nodeEffect")
  private NodeEffect nodeEffect;
  @JsonProperty("cluster")
  private DPUClusterReference cluster;
  @Required
  @JsonProperty("dpuFlavor")
  private String dpuFlavor;
  @Default("true")
  @JsonProperty("automaticNodeReboot")
  private Boolean automaticNodeReboot;
  /**
   * Additive: how the OS is installed: gNOI (DMS pod, as DPF v25.1), hostAgent (rshim on the host) or
   * redfish (the DPU's BMC).
   */
  @JsonProperty("installInterface")
  private InstallInterface installInterface;
  /** Additive: address of the DPU's BMC, for installInterface redfish. */
  @JsonProperty("bmcIp")
  private String bmcIp;
  /** Additive: HTTPS port of the BMC. */
  @Min(1)
  @Max(65535)
  @Default("443")
  @JsonProperty("bmcPort")
  private Integer bmcPort;
  /** Additive: Secret in the DPU's namespace holding the BMC's username and password. */
  @JsonProperty("bmcCredentialsSecret")
  private String bmcCredentialsSecret;
  /** Additive: rshim device on the host for installInterface hostAgent, e.g. rshim0; found by PCI address when unset. */
  @Pattern("^rshim[0-9]+$")
  @JsonProperty("rshimDevice")
  private String rshimDevice;

  public String getNodeName() {
    return nodeName;
  }

  public void setNodeName(String nodeName) {
    this.nodeName = nodeName;
  }

  public String getBfb() {
    return bfb;
  }

  public void setBfb(String bfb) {
    this.bfb = bfb;
  }

  public String getPciAddress() {
    return pciAddress;
  }

  public void setPciAddress(String pciAddress) {
    this.pciAddress = pciAddress;
  }

  public NodeEffect getNodeEffect() {
    return nodeEffect;
  }

  public void setNodeEffect(NodeEffect nodeEffect) {
    this.nodeEffect = nodeEffect;
  }

  public DPUClusterReference getCluster() {
    return cluster;
  }

  public void setCluster(DPUClusterReference cluster) {
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

  public String getBmcIp() {
    return bmcIp;
  }

  public void setBmcIp(String bmcIp) {
    this.bmcIp = bmcIp;
  }

  public Integer getBmcPort() {
    return bmcPort;
  }

  public void setBmcPort(Integer bmcPort) {
    this.bmcPort = bmcPort;
  }

  public String getBmcCredentialsSecret() {
    return bmcCredentialsSecret;
  }

  public void setBmcCredentialsSecret(String bmcCredentialsSecret) {
    this.bmcCredentialsSecret = bmcCredentialsSecret;
  }

  public String getRshimDevice() {
    return rshimDevice;
  }

  public void setRshimDevice(String rshimDevice) {
    this.rshimDevice = rshimDevice;
  }
}
