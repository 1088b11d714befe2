package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a DPU gets its OS. gNOI: a DMS pod on the host over rshim/PCIe (DPF v25.1). hostAgent: the BFB
 * is streamed into the host's rshim boot device (/dev/rshim&lt;N&gt;/boot). redfish: the DPU's BMC
 * pulls the BFB (UpdateService.SimpleUpdate).
 */
public enum InstallInterface {
  @JsonProperty("gNOI")
  GNOI("gNOI"),
  @JsonProperty("hostAgent")
  HOST_AGENT("hostAgent"),
  @JsonProperty("redfish")
  REDFISH("redfish");

  private final String value;

  InstallInterface(String value) {
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
