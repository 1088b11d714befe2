package io.dpf.provisioning.dpu.phases;

import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Initializing: the host must have its OOB bridge configured (dpu-detector's label), and the DPU
 * gets a DPU cluster: DPF's allocator picks the first Ready DPUCluster by name that still has room
 * ({@code maxNodes}). The choice is written to {@code spec.cluster}, so it survives restarts.
 */
public final class Initializing implements PhaseHandler {

  static final Duration RECHECK = Duration.ofSeconds(10);

  private final Object allocationLock = new Object();

  @Override
  public DPUPhase phase() {
    return DPUPhase.INITIALIZING;
  }

  @Override
  public Result handle(PhaseContext context) {
    Node host = context.client().nodes().withName(context.dpu().getSpec().getNodeName()).get();
    if (host == null || host.getMetadata().getLabels() == null
        || !host.getMetadata().getLabels().containsKey(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED)) {
      context.waiting(ConditionTypes.DPU.INITIALIZED, KindReasons.DPU.OOB_BRIDGE_NOT_CONFIGURED,
          "host node " + context.dpu().getSpec().getNodeName() + " has no label " + LabelKeys.DPU_OOB_BRIDGE_CONFIGURED);
      return Result.requeueAfter(RECHECK);
    }
    DPUClusterReference cluster = context.dpu().getSpec().getCluster();
    if (cluster == null || cluster.getName() == null) {
      // Count and assign as one step: two workers allocating at once would both see the last free
      // place. The count is read from the API server, not a cache, so it includes every assignment
      // made before; one manager is the leader, so a lock in this process is enough.
      synchronized (allocationLock) {
        Optional<DPUCluster> chosen = allocate(context);
        if (chosen.isEmpty()) {
          context.waiting(ConditionTypes.DPU.INITIALIZED, KindReasons.DPU.DPU_CLUSTER_NOT_READY,
              "no Ready DPUCluster with room for another DPU");
          return Result.requeueAfter(RECHECK);
        }
        assign(context, chosen.get());
      }
    }
    context.advance(ConditionTypes.DPU.INITIALIZED, DPUPhase.NODE_EFFECT);
    // Our own status write is the event that runs the next phase, from a cache that has it.
    return Result.done();
  }

  private static Optional<DPUCluster> allocate(PhaseContext context) {
    List<DPUCluster> clusters = context.client().resources(DPUCluster.class).inAnyNamespace().list().getItems();
    List<DPU> dpus = context.client().resources(DPU.class).inAnyNamespace().list().getItems();
    return clusters.stream()
        .filter(c -> c.getStatus() != null && c.getStatus().getPhase() == DPUClusterPhase.READY)
        .filter(c -> assigned(dpus, c) < Optional.ofNullable(c.getSpec().getMaxNodes()).orElse(1000))
        .min(Comparator.comparing((DPUCluster c) -> c.getMetadata().getName())
            .thenComparing(c -> c.getMetadata().getNamespace()));
  }

  private static long assigned(List<DPU> dpus, DPUCluster cluster) {
    return dpus.stream().map(d -> d.getSpec().getCluster()).filter(c -> c != null
        && cluster.getMetadata().getName().equals(c.getName())
        && cluster.getMetadata().getNamespace().equals(c.getNamespace())).count();
  }

  private static void assign(PhaseContext context, DPUCluster chosen) {
    context.client().resources(DPU.class).inNamespace(context.namespace()).withName(context.name()).edit(dpu -> {
      if (dpu.getSpec().getCluster() == null) {
        dpu.getSpec().setCluster(new DPUClusterReference());
      }
      dpu.getSpec().getCluster().setName(chosen.getMetadata().getName());
      dpu.getSpec().getCluster().setNamespace(chosen.getMetadata().getNamespace());
      return dpu;
    });
  }
}
