package io.dpf.api.thirdparty.nvipam.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class CIDRPoolStatus extends OpenObject {
  @JsonProperty("allocations")
  private List<CIDRPoolAllocation> allocations;

  public List<CIDRPoolAllocation> getAllocations() {
    return allocations;
  }

  public void setAllocations(List<CIDRPoolAllocation> allocations) {
    this.allocations = allocations;
  }
}
