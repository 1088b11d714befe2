package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollingUpdateDPU {
  /** How many DPUs may be unavailable at once: a count or a percentage (DPF's webhook rule, as CEL). */
  @ValidationRule(value = "type(self) == int ? self > 0 : self.matches('^(100|[1-9][0-9]?)%$')",
      message = "maxUnavailable must be greater than 0, or a percentage in (0%, 100%]")
  @JsonProperty("maxUnavailable")
  private IntOrString maxUnavailable;

  public IntOrString getMaxUnavailable() {
    return maxUnavailable;
  }

  public void setMaxUnavailable(IntOrString maxUnavailable) {
    this.maxUnavailable = maxUnavailable;
  }
}
