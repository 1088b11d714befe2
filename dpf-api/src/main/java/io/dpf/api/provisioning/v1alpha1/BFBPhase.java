package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Life of a BFB download. Error is terminal: the user deletes the BFB. */
public enum BFBPhase {
  @JsonProperty("Initializing")
  INITIALIZING("Initializing"),
  @JsonProperty("Downloading")
  DOWNLOADING("Downloading"),
  @JsonProperty("Ready")
  READY("Ready"),
  @JsonProperty("Deleting")
  DELETING("Deleting"),
  @JsonProperty("Error")
  ERROR("Error");

  private final String value;

  BFBPhase(String value) {
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
