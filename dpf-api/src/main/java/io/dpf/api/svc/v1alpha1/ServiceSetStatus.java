package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.conditions.ConditionedStatus;

/** Status of the DaemonSet-like sets: conditions plus how many children exist and are ready. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceSetStatus extends ConditionedStatus {
  @JsonProperty("numberApplied")
  private Integer numberApplied;
  @JsonProperty("numberReady")
  private Integer numberReady;

  public Integer getNumberApplied() {
    return numberApplied;
  }

  public void setNumberApplied(Integer numberApplied) {
    this.numberApplied = numberApplied;
  }

  public Integer getNumberReady() {
    return numberReady;
  }

  public void setNumberReady(Integer numberReady) {
    this.numberReady = numberReady;
  }
}
