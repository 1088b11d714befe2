package io.dpf.provisioning.dpuset;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategy;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategyType;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a DPUSet does next to its DPUs: create the missing, delete those whose node left, and under
 * RollingUpdate replace outdated ones (another BFB or flavor) without ever having more than
 * {@code maxUnavailable} DPUs unavailable; a change of only {@code cluster.nodeLabels} is patched in
 * place, since relabelling a DPU's node never needs a reinstall. Pure, unit-tested.
 */
public record RolloutPlan(List<DPU> create, List<String> delete, Map<String, Map<String, String>> patchNodeLabels) {

  public static RolloutPlan of(DPUSetStrategy strategy, Map<String, DPU> desired, List<DPU> current, int nodeCount) {
    Map<String, DPU> byName = new LinkedHashMap<>();
    current.forEach(dpu -> byName.put(dpu.getMetadata().getName(), dpu));
    List<DPU> create = new ArrayList<>();
    List<String> delete = new ArrayList<>();
    Map<String, Map<String, String>> patch = new LinkedHashMap<>();
    int unavailable = 0;
    for (DPU dpu : current) {
      if (!available(dpu)) {
        unavailable++;
      }
      if (!desired.containsKey(dpu.getMetadata().getName()) && !deleting(dpu)) {
        delete.add(dpu.getMetadata().getName());
      }
    }
    for (DPU wanted : desired.values()) {
      if (!byName.containsKey(wanted.getMetadata().getName())) {
        create.add(wanted);
        unavailable++;
      }
    }
    boolean rolling = strategy != null && strategy.getType() == DPUSetStrategyType.ROLLING_UPDATE;
    int budget = rolling ? maxUnavailable(strategy, nodeCount) : 0;
    for (DPU wanted : desired.values()) {
      DPU live = byName.get(wanted.getMetadata().getName());
      if (live == null || deleting(live)) {
        continue;
      }
      if (outdated(live, wanted)) {
        if (rolling && !available(live)) {
          delete.add(live.getMetadata().getName());
        } else if (rolling && unavailable < budget) {
          delete.add(live.getMetadata().getName());
          unavailable++;
        }
      } else if (!Objects.equals(nodeLabels(live), nodeLabels(wanted))) {
        patch.put(live.getMetadata().getName(), nodeLabels(wanted));
      }
    }
    return new RolloutPlan(create, delete, patch);
  }

  /** maxUnavailable as a count of DPUs: an integer, or a percentage of the nodes; at least 1. */
  static int maxUnavailable(DPUSetStrategy strategy, int nodeCount) {
    IntOrString value = strategy.getRollingUpdate() == null ? null : strategy.getRollingUpdate().getMaxUnavailable();
    if (value == null) {
      return 1;
    }
    if (value.getIntVal() != null) {
      return Math.max(1, value.getIntVal());
    }
    String percent = value.getStrVal().replace("%", "").trim();
    return Math.max(1, (int) Math.floor(Double.parseDouble(percent) * nodeCount / 100.0));
  }

  static boolean outdated(DPU live, DPU wanted) {
    return !Objects.equals(live.getSpec().getBfb(), wanted.getSpec().getBfb())
        || !Objects.equals(live.getSpec().getDpuFlavor(), wanted.getSpec().getDpuFlavor());
  }

  /** DPF's rule: a DPU is available when its Ready condition is True and it is not being deleted. */
  static boolean available(DPU dpu) {
    return !deleting(dpu) && Conditions.isTrue(dpu.getStatus(), ConditionTypes.READY);
  }

  private static boolean deleting(DPU dpu) {
    return dpu.getMetadata().getDeletionTimestamp() != null;
  }

  private static Map<String, String> nodeLabels(DPU dpu) {
    return Optional.ofNullable(dpu.getSpec().getCluster()).map(c -> c.getNodeLabels()).filter(m -> !m.isEmpty())
        .orElse(null);
  }
}
