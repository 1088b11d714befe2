package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUSetStatus {
  /** Number of the set's DPUs in each phase. */
  @JsonProperty("dpuStatistics")
  private Map<String, Integer> dpuStatistics;

  public Map<String, Integer> getDpuStatistics() {
    return dpuStatistics;
  }

  public void setDpuStatistics(Map<String, Integer> dpuStatistics) {
    this.dpuStatistics = dpuStatistics;
  }
}
