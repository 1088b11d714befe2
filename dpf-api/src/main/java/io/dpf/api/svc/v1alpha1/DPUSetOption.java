package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUSetOption {
  /** The DPUSet is named {@code <dpudeployment>-<nameSuffix>}. */
  @Required
  @Size(min = 1, max = 63)
  @JsonProperty("nameSuffix")
  private String nameSuffix;
  @JsonProperty("nodeSelector")
  private LabelSelector nodeSelector;
  @JsonProperty("dpuSelector")
  private Map<String, String> dpuSelector;
  @JsonProperty("dpuAnnotations")
  private Map<String, String> dpuAnnotations;

  public String getNameSuffix() {
    return nameSuffix;
  }

  public void setNameSuffix(String nameSuffix) {
    this.nameSuffix = nameSuffix;
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

  public Map<String, String> getDpuAnnotations() {
    return dpuAnnotations;
  }

  public void setDpuAnnotations(Map<String, String> dpuAnnotations) {
    this.dpuAnnotations = dpuAnnotations;
  }
}
