package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the rshim host agent is with its install (see {@link HostAgentReport}). */
public enum HostAgentState {
  @JsonProperty("Pushing")
  PUSHING,
  @JsonProperty("Installing")
  INSTALLING,
  @JsonProperty("Succeeded")
  SUCCEEDED,
  @JsonProperty("Failed")
  FAILED
}
