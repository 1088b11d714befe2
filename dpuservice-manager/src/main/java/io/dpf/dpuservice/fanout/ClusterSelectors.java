package io.dpf.dpuservice.fanout;

import io.dpf.runtime.controller.LabelSelectors;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

/**
 * Which DPU clusters a {@code clusterSelector} picks, by the DPUClusters' labels. DPF leaves this
 * a TODO and uses every cluster; we honour it, and an absent or empty selector still means all.
 */
public final class ClusterSelectors {

  private ClusterSelectors() {}

  public static boolean selects(LabelSelector selector, Map<String, String> labels) {
    return LabelSelectors.matches(selector, labels);
  }
}
