package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a DPUSet replaces DPUs whose BFB or flavor changed. */
public enum DPUSetStrategyType {
  @JsonProperty("Recreate")
  RECREATE("Recreate"),
  @JsonProperty("RollingUpdate")
  ROLLING_UPDATE("RollingUpdate");

  private final String value;

  DPUSetStrategyType(String value) {
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
