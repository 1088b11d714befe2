package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Phases of a DPU. The first eleven are DPF v25.1's; the rest are the newer DPF phases, accepted so
 * the install interfaces of the newest API can report them.
 */
public enum DPUPhase {
  @JsonProperty("Initializing")
  INITIALIZING("Initializing"),
  @JsonProperty("Node Effect")
  NODE_EFFECT("Node Effect"),
  @JsonProperty("Pending")
  PENDING("Pending"),
  @JsonProperty("DMS Deployment")
  DMS_DEPLOYMENT("DMS Deployment"),
  @JsonProperty("OS Installing")
  OS_INSTALLING("OS Installing"),
  @JsonProperty("DPU Cluster Config")
  DPU_CLUSTER_CONFIG("DPU Cluster Config"),
  @JsonProperty("Host Network Configuration")
  HOST_NETWORK_CONFIGURATION("Host Network Configuration"),
  @JsonProperty("Ready")
  READY("Ready"),
  @JsonProperty("Error")
  ERROR("Error"),
  @JsonProperty("Deleting")
  DELETING("Deleting"),
  @JsonProperty("Rebooting")
  REBOOTING("Rebooting"),
  @JsonProperty("Initialize Interface")
  INITIALIZE_INTERFACE("Initialize Interface"),
  @JsonProperty("Config FW Parameters")
  CONFIG_FW_PARAMETERS("Config FW Parameters"),
  @JsonProperty("Prepare BFB")
  PREPARE_BFB("Prepare BFB"),
  @JsonProperty("DPU Config")
  DPU_CONFIG("DPU Config"),
  @JsonProperty("Perform ARM Force Restart")
  PERFORM_ARM_FORCE_RESTART("Perform ARM Force Restart"),
  @JsonProperty("Node Effect Removal")
  NODE_EFFECT_REMOVAL("Node Effect Removal"),
  @JsonProperty("Checking Host Reboot Required")
  CHECKING_HOST_REBOOT_REQUIRED("Checking Host Reboot Required");

  private final String value;

  DPUPhase(String value) {
    this.value = value;
  }

  /** The string stored in the API. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
