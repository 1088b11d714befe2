package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;

@ValidationRule(value = "self == oldSelf", message = "DPUFlavor spec is immutable; create a new DPUFlavor")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUFlavorSpec {
  @JsonProperty("grub")
  private Grub grub;
  @JsonProperty("sysctl")
  private Sysctl sysctl;
  /** At most one entry, for device "*" (every device). */
  @Size(max = 1)
  @JsonProperty("nvconfig")
  private List<NVConfig> nvconfig;
  @JsonProperty("ovs")
  private OVS ovs;
  /** bf.cfg lines such as UPDATE_ATF_UEFI=yes. */
  @JsonProperty("bfcfgParameters")
  private List<String> bfcfgParameters;
  @JsonProperty("configFiles")
  private List<ConfigFile> configFiles;
  @JsonProperty("containerdConfig")
  private ContainerdConfig containerdConfig;
  /** What the DPU offers to services. */
  @JsonProperty("dpuResources")
  private Map<String, Quantity> dpuResources;
  /** What the system keeps for itself out of dpuResources. */
  @JsonProperty("systemReservedResources")
  private Map<String, Quantity> systemReservedResources;

  public Grub getGrub() {
    return grub;
  }

  public void setGrub(Grub grub) {
    this.grub = grub;
  }

  public Sysctl getSysctl() {
    return sysctl;
  }

  public void setSysctl(Sysctl sysctl) {
    this.sysctl = sysctl;
  }

  public List<NVConfig> getNvconfig() {
    return nvconfig;
  }

  public void setNvconfig(List<NVConfig> nvconfig) {
    this.nvconfig = nvconfig;
  }

  public OVS getOvs() {
    return ovs;
  }

  public void setOvs(OVS ovs) {
    this.ovs = ovs;
  }

  public List<String> getBfcfgParameters() {
    return bfcfgParameters;
  }

  public void setBfcfgParameters(List<String> bfcfgParameters) {
    this.bfcfgParameters = bfcfgParameters;
  }

  public List<ConfigFile> getConfigFiles() {
    return configFiles;
  }

  public void setConfigFiles(List<ConfigFile> configFiles) {
    this.configFiles = configFiles;
  }

  public ContainerdConfig getContainerdConfig() {
    return containerdConfig;
  }

  public void setContainerdConfig(ContainerdConfig containerdConfig) {
    this.containerdConfig = containerdConfig;
  }

  public Map<String, Quantity> getDpuResources() {
    return dpuResources;
  }

  public void setDpuResources(Map<String, Quantity> dpuResources) {
    this.dpuResources = dpuResources;
  }

  public Map<String, Quantity> getSystemReservedResources() {
    return systemReservedResources;
  }

  public void setSystemReservedResources(Map<String, Quantity> systemReservedResources) {
    this.systemReservedResources = systemReservedResources;
  }
}
