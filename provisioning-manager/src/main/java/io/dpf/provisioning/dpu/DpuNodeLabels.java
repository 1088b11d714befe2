package io.dpf.provisioning.dpu;

import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.DPU;
import java.util.HashMap;
import java.util.Map;

/** The labels a DPU's Node in the DPU cluster carries: the user's {@code cluster.nodeLabels} plus DPF's own. */
public final class DpuNodeLabels {

  private DpuNodeLabels() {}

  public static Map<String, String> of(DPU dpu) {
    Map<String, String> labels = new HashMap<>();
    if (dpu.getSpec().getCluster() != null && dpu.getSpec().getCluster().getNodeLabels() != null) {
      labels.putAll(dpu.getSpec().getCluster().getNodeLabels());
    }
    labels.put(LabelKeys.HOST, dpu.getSpec().getNodeName());
    if (dpu.getStatus() != null && dpu.getStatus().getBfbVersion() != null) {
      labels.put(LabelKeys.DOCA_BFB_VERSION, dpu.getStatus().getBfbVersion());
    }
    return labels;
  }

  public static boolean present(Map<String, String> nodeLabels, Map<String, String> wanted) {
    return nodeLabels != null && nodeLabels.entrySet().containsAll(wanted.entrySet());
  }
}
