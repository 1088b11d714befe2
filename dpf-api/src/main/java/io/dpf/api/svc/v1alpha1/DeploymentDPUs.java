package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeploymentDPUs {
  /** BFB name in the same namespace. */
  @Required
  @JsonProperty("bfb")
  private String bfb;
  /** DPUFlavor name in the same namespace. */
  @Required
  @JsonProperty("flavor")
  private String flavor;
  @Size(min = 1, max = 50)
  @JsonProperty("dpuSets")
  private List<DPUSetOption> dpuSets;

  public String getBfb() {
    return bfb;
  }

  public void setBfb(String bfb) {
    this.bfb = bfb;
  }

  public String getFlavor() {
    return flavor;
  }

  public void setFlavor(String flavor) {
    this.flavor = flavor;
  }

  public List<DPUSetOption> getDpuSets() {
    return dpuSets;
  }

  public void setDpuSets(List<DPUSetOption> dpuSets) {
    this.dpuSets = dpuSets;
  }
}
