package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Life of a DPUCluster. */
public enum DPUClusterPhase {
  @JsonProperty("Pending")
  PENDING("Pending"),
  @JsonProperty("Creating")
  CREATING("Creating"),
  @JsonProperty("Ready")
  READY("Ready"),
  @JsonProperty("NotReady")
  NOT_READY("NotReady"),
  @JsonProperty("Failed")
  FAILED("Failed");

  private final String value;

  DPUClusterPhase(String value) {
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
