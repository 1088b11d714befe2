package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.conditions.ConditionedStatus;
import io.fabric8.generator.annotation.Default;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUStatus extends ConditionedStatus {
  @Default("Initializing")
  @JsonProperty("phase")
  private DPUPhase phase;
  /** Additive ([newest]): the phase before the current one, so Error tells where it came from. */
  @JsonProperty("previousPhase")
  private DPUPhase previousPhase;
  @JsonProperty("bfbVersion")
  private String bfbVersion;
  @JsonProperty("pciDevice")
  private String pciDevice;
  @JsonProperty("requiredReset")
  private String requiredReset;
  @JsonProperty("firmware")
  private Firmware firmware;
  /** Additive: the install interface in use. */
  @JsonProperty("installInterface")
  private InstallInterface installInterface;
  /** Additive ([newest]): the BMC task pushing the BFB, so a restarted manager resumes polling it. */
  @JsonProperty("redfishTaskId")
  private String redfishTaskId;
  /** Additive: the rshim host agent's report (installInterface hostAgent); written by the agent pod. */
  @JsonProperty("hostAgent")
  private HostAgentReport hostAgent;

  public DPUPhase getPhase() {
    return phase;
  }

  public void setPhase(DPUPhase phase) {
    this.phase = phase;
  }

  public DPUPhase getPreviousPhase() {
    return previousPhase;
  }

  public void setPreviousPhase(DPUPhase previousPhase) {
    this.previousPhase = previousPhase;
  }

  public String getBfbVersion() {
    return bfbVersion;
  }

  public void setBfbVersion(String bfbVersion) {
    this.bfbVersion = bfbVersion;
  }

  public String getPciDevice() {
    return pciDevice;
  }

  public void setPciDevice(String pciDevice) {
    this.pciDevice = pciDevice;
  }

  public String getRequiredReset() {
    return requiredReset;
  }

  public void setRequiredReset(String requiredReset) {
    this.requiredReset = requiredReset;
  }

  public Firmware getFirmware() {
    return firmware;
  }

  public void setFirmware(Firmware firmware) {
    this.firmware = firmware;
  }

  public InstallInterface getInstallInterface() {
    return installInterface;
  }

  public void setInstallInterface(InstallInterface installInterface) {
    this.installInterface = installInterface;
  }

  public String getRedfishTaskId() {
    return redfishTaskId;
  }

  public void setRedfishTaskId(String redfishTaskId) {
    this.redfishTaskId = redfishTaskId;
  }

  public HostAgentReport getHostAgent() {
    return hostAgent;
  }

  public void setHostAgent(HostAgentReport hostAgent) {
    this.hostAgent = hostAgent;
  }
}
