package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUTemplateCluster {
  /** Labels the DPU's node gets in the DPU cluster. */
  @JsonProperty("nodeLabels")
  private Map<String, String> nodeLabels;

  public Map<String, String> getNodeLabels() {
    return nodeLabels;
  }

  public void setNodeLabels(Map<String, String> nodeLabels) {
    this.nodeLabels = nodeLabels;
  }
}
