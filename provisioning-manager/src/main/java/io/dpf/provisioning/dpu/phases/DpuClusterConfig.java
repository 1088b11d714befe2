package io.dpf.provisioning.dpu.phases;

import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.provisioning.dpu.DpuClusterAccess;
import io.dpf.provisioning.dpu.DpuNodeLabels;
import io.dpf.provisioning.dpu.NodeEffects;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;

/**
 * DPU Cluster Config: waits for the DPU to join its DPU cluster as the Node named after the DPU,
 * labels that Node, gives the host back its workloads (node effect released) and goes Ready.
 */
public final class DpuClusterConfig implements PhaseHandler {

  private final DpuClusterAccess clusters;

  public DpuClusterConfig(DpuClusterAccess clusters) {
    this.clusters = clusters;
  }

  @Override
  public DPUPhase phase() {
    return DPUPhase.DPU_CLUSTER_CONFIG;
  }

  @Override
  public Result handle(PhaseContext context) throws PhaseFailure {
    KubernetesClient dpuCluster = clusters.clientFor(context.client(), context.dpu());
    Node node = dpuCluster.nodes().withName(context.name()).get();
    if (node == null || !ReadyPhase.nodeReady(node)) {
      context.detail("waiting for Node " + context.name() + (node == null ? " to join" : " to be Ready")
          + " in DPU cluster " + context.dpu().getSpec().getCluster().getName());
      return Result.requeueAfter(context.settings().progressInterval());
    }
    Map<String, String> wanted = DpuNodeLabels.of(context.dpu());
    if (!DpuNodeLabels.present(node.getMetadata().getLabels(), wanted)) {
      dpuCluster.nodes().withName(context.name()).edit(n -> {
        Map<String, String> labels = new HashMap<>(n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels());
        labels.putAll(wanted);
        n.getMetadata().setLabels(labels);
        return n;
      });
    }
    NodeEffects.release(context, context.dpu().getSpec().getNodeEffect());
    context.advance(null, DPUPhase.READY);
    return Result.done();
  }
}
