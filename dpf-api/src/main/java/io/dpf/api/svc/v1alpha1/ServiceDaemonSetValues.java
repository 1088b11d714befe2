package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import java.util.Map;

/** Settings passed to the chart as the serviceDaemonSet value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceDaemonSetValues {
  @JsonProperty("nodeSelector")
  private NodeSelector nodeSelector;
  @JsonProperty("updateStrategy")
  private DaemonSetUpdateStrategy updateStrategy;
  @JsonProperty("labels")
  private Map<String, String> labels;
  @JsonProperty("annotations")
  private Map<String, String> annotations;

  public NodeSelector getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(NodeSelector nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public DaemonSetUpdateStrategy getUpdateStrategy() {
    return updateStrategy;
  }

  public void setUpdateStrategy(DaemonSetUpdateStrategy updateStrategy) {
    this.updateStrategy = updateStrategy;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
