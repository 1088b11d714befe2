package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUSetStrategy {
  @Default("Recreate")
  @JsonProperty("type")
  private DPUSetStrategyType type;
  @JsonProperty("rollingUpdate")
  private RollingUpdateDPU rollingUpdate;

  public DPUSetStrategyType getType() {
    return type;
  }

  public void setType(DPUSetStrategyType type) {
    this.type = type;
  }

  public RollingUpdateDPU getRollingUpdate() {
    return rollingUpdate;
  }

  public void setRollingUpdate(RollingUpdateDPU rollingUpdate) {
    this.rollingUpdate = rollingUpdate;
  }
}
