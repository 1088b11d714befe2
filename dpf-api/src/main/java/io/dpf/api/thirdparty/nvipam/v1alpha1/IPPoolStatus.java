package io.dpf.api.thirdparty.nvipam.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class IPPoolStatus extends OpenObject {
  @JsonProperty("allocations")
  private List<IPPoolAllocation> allocations;

  public List<IPPoolAllocation> getAllocations() {
    return allocations;
  }

  public void setAllocations(List<IPPoolAllocation> allocations) {
    this.allocations = allocations;
  }
}
