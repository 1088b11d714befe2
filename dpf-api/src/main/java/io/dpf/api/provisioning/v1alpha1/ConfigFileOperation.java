package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a DPUFlavor config file is written. */
public enum ConfigFileOperation {
  @JsonProperty("override")
  OVERRIDE("override"),
  @JsonProperty("append")
  APPEND("append");

  private final String value;

  ConfigFileOperation(String value) {
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
