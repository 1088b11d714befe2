package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.IntOrString;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollingUpdateDPU {
  /** How many DPUs may be unavailable at once: a count or a percentage. */
  @JsonProperty("maxUnavailable")
  private IntOrString maxUnavailable;

  public IntOrString getMaxUnavailable() {
    return maxUnavailable;
  }

  public void setMaxUnavailable(IntOrString maxUnavailable) {
    this.maxUnavailable = maxUnavailable;
  }
}
