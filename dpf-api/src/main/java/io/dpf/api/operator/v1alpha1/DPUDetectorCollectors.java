package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUDetectorCollectors {
  /** Also report each DPU's PSID as a node feature. */
  @JsonProperty("psID")
  private Boolean psID;

  public Boolean getPsID() {
    return psID;
  }

  public void setPsID(Boolean psID) {
    this.psID = psID;
  }
}
