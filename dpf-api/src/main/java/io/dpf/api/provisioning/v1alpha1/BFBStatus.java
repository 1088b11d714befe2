package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class BFBStatus {
  @Default("Initializing")
  @JsonProperty("phase")
  private BFBPhase phase;
  /** Why the last download failed; BFB has no conditions, so the error is kept here (additive). */
  @JsonProperty("message")
  private String message;

  public BFBPhase getPhase() {
    return phase;
  }

  public void setPhase(BFBPhase phase) {
    this.phase = phase;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
