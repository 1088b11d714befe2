package io.dpf.provisioning.dpu.phases;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.provisioning.dpu.DpuClusterAccess;
import io.dpf.provisioning.dpu.DpuNodeLabels;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.api.model.Node;

/**
 * Ready: watches the DPU's Node in its DPU cluster. Node not Ready → Ready=False (DPUNodeNotReady);
 * wanted labels missing (the DPUSet changed {@code cluster.nodeLabels}) → back to DPU Cluster Config.
 */
public final class ReadyPhase implements PhaseHandler {

  private final DpuClusterAccess clusters;

  public ReadyPhase(DpuClusterAccess clusters) {
    this.clusters = clusters;
  }

  @Override
  public DPUPhase phase() {
    return DPUPhase.READY;
  }

  @Override
  public Result handle(PhaseContext context) throws PhaseFailure {
    Node node = clusters.clientFor(context.client(), context.dpu()).nodes().withName(context.name()).get();
    if (node == null || !nodeReady(node)) {
      context.conditions().setFalse(ConditionTypes.READY, KindReasons.DPU.DPU_NODE_NOT_READY,
          "Node " + context.name() + (node == null ? " is missing" : " is not Ready") + " in its DPU cluster");
    } else if (!DpuNodeLabels.present(node.getMetadata().getLabels(), DpuNodeLabels.of(context.dpu()))) {
      context.advance(null, DPUPhase.DPU_CLUSTER_CONFIG);
      return Result.done();
    } else {
      context.conditions().setTrue(ConditionTypes.READY);
    }
    return Result.requeueAfter(context.settings().recheckInterval());
  }

  static boolean nodeReady(Node node) {
    return node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && Conditions.STATUS_TRUE.equals(c.getStatus()));
  }
}
