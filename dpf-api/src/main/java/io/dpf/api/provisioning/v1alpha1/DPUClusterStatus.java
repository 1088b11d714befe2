package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.conditions.ConditionedStatus;
import io.fabric8.generator.annotation.Default;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUClusterStatus extends ConditionedStatus {
  @Default("Pending")
  @JsonProperty("phase")
  private DPUClusterPhase phase;

  public DPUClusterPhase getPhase() {
    return phase;
  }

  public void setPhase(DPUClusterPhase phase) {
    this.phase = phase;
  }
}
