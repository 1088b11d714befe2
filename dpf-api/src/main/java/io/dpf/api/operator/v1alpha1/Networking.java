package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Networking {
  /** MTU of the DPU cluster's control-plane network (Flannel). */
  @Min(0)
  @Max(9216)
  @Default("1500")
  @JsonProperty("controlPlaneMTU")
  private Integer controlPlaneMTU;
  /** MTU of the high-speed (Multus) networks. */
  @Min(0)
  @Max(9216)
  @Default("1500")
  @JsonProperty("highSpeedMTU")
  private Integer highSpeedMTU;

  public Integer getControlPlaneMTU() {
    return controlPlaneMTU;
  }

  public void setControlPlaneMTU(Integer controlPlaneMTU) {
    this.controlPlaneMTU = controlPlaneMTU;
  }

  public Integer getHighSpeedMTU() {
    return highSpeedMTU;
  }

  public void setHighSpeedMTU(Integer highSpeedMTU) {
    this.highSpeedMTU = highSpeedMTU;
  }
}
