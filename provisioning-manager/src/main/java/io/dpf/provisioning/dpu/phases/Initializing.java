package io.dpf.provisioning.dpu.phases;

import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.api.model.Node;
import java.time.Duration;
import java.util.Optional;

/**
 * Initializing: the host must have its OOB bridge configured (dpu-detector's label), and the DPU
 * gets a DPU cluster from the {@link DpuClusterAllocator}. The choice is written to
 * {@code spec.cluster}, so it survives restarts. Both are read from the manager's caches: a host
 * labelled later is seen on the next recheck.
 */
public final class Initializing implements PhaseHandler {

  static final Duration RECHECK = Duration.ofSeconds(10);

  private final KindCache<Node> nodes;
  private final DpuClusterAllocator allocator;

  public Initializing(KindCache<Node> nodes, DpuClusterAllocator allocator) {
    this.nodes = nodes;
    this.allocator = allocator;
  }

  @Override
  public DPUPhase phase() {
    return DPUPhase.INITIALIZING;
  }

  @Override
  public Result handle(PhaseContext context) {
    Node host = nodes.get(null, context.dpu().getSpec().getNodeName());
    if (host == null || host.getMetadata().getLabels() == null
        || !host.getMetadata().getLabels().containsKey(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED)) {
      context.waiting(ConditionTypes.DPU.INITIALIZED, KindReasons.DPU.OOB_BRIDGE_NOT_CONFIGURED,
          "host node " + context.dpu().getSpec().getNodeName() + " has no label " + LabelKeys.DPU_OOB_BRIDGE_CONFIGURED);
      return Result.requeueAfter(RECHECK);
    }
    if (DpuClusterAllocator.assignedCluster(context.dpu()).isEmpty()) {
      ResourceKey key = ResourceKey.of(context.dpu());
      Optional<DPUCluster> chosen = allocator.reserve(key);
      if (chosen.isEmpty()) {
        context.waiting(ConditionTypes.DPU.INITIALIZED, KindReasons.DPU.DPU_CLUSTER_NOT_READY,
            "no Ready DPUCluster with room for another DPU");
        return Result.requeueAfter(RECHECK);
      }
      try {
        assign(context, chosen.get());
      } catch (RuntimeException e) {
        allocator.release(key);
        throw e;
      }
    }
    context.advance(ConditionTypes.DPU.INITIALIZED, DPUPhase.NODE_EFFECT);
    // Our own status write is the event that runs the next phase, from a cache that has it.
    return Result.done();
  }

  private static void assign(PhaseContext context, DPUCluster chosen) {
    context.client().resources(DPU.class).inNamespace(context.namespace()).withName(context.name()).edit(dpu -> {
      if (dpu.getSpec().getCluster() == null) {
        dpu.getSpec().setCluster(new DPUClusterReference());
      } else if (dpu.getSpec().getCluster().getName() != null) {
        // Assigned by an earlier pass the cache had not shown yet: a DPU keeps its first cluster.
        return dpu;
      }
      dpu.getSpec().getCluster().setName(chosen.getMetadata().getName());
      dpu.getSpec().getCluster().setNamespace(chosen.getMetadata().getNamespace());
      return dpu;
    });
  }
}
