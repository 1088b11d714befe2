package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceChainSpec {
  /** The DPU node this chain is programmed on; set by the ServiceChainSet. */
  @JsonProperty("node")
  private String node;
  @Required
  @Size(min = 1, max = 50)
  @JsonProperty("switches")
  private List<Switch> switches;

  public String getNode() {
    return node;
  }

  public void setNode(String node) {
    this.node = node;
  }

  public List<Switch> getSwitches() {
    return switches;
  }

  public void setSwitches(List<Switch> switches) {
    this.switches = switches;
  }
}
