package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUSetSpec {
  @JsonProperty("strategy")
  private DPUSetStrategy strategy;
  /** Host nodes that get DPUs. */
  @JsonProperty("nodeSelector")
  private LabelSelector nodeSelector;
  /** Which DPUs of a node: keys match node labels feature.node.kubernetes.io/dpu-<N>-... */
  @JsonProperty("dpuSelector")
  private Map<String, String> dpuSelector;
  @Required
  @JsonProperty("dpuTemplate")
  private DPUTemplate dpuTemplate;

  public DPUSetStrategy getStrategy() {
    return strategy;
  }

  public void setStrategy(DPUSetStrategy strategy) {
    this.strategy = strategy;
  }

  public LabelSelector getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(LabelSelector nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public Map<String, String> getDpuSelector() {
    return dpuSelector;
  }

  public void setDpuSelector(Map<String, String> dpuSelector) {
    this.dpuSelector = dpuSelector;
  }

  public DPUTemplate getDpuTemplate() {
    return dpuTemplate;
  }

  public void setDpuTemplate(DPUTemplate dpuTemplate) {
    this.dpuTemplate = dpuTemplate;
  }
}
