package io.dpf.provisioning.dpuset;

import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStatus;
import io.dpf.provisioning.Finalizer;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DPUSet → DPUs. Recipe: finalizer → (deleting? delete the DPUs, wait for them, drop the finalizer)
 * → selected nodes → desired DPUs → rollout plan (create, delete, patch labels) → dpuStatistics.
 * Nodes and DPUs are watched, so the next pass of a rolling update follows the DPUs' own progress.
 */
public final class DpuSetReconciler implements Reconciler<DPUSet> {

  static final String FIELD_MANAGER = "dpuset-controller";
  private static final Logger LOG = LoggerFactory.getLogger(DpuSetReconciler.class);

  private final KubernetesClient client;
  private final StatusWriter statusWriter;

  public DpuSetReconciler(KubernetesClient client) {
    this.client = client;
    this.statusWriter = new StatusWriter(new ServerSideApply(client, FIELD_MANAGER), client.getKubernetesSerialization());
  }

  @Override
  public Result reconcile(DPUSet set) {
    List<DPU> current = ownedDpus(set);
    if (Finalizer.deleting(set)) {
      return reconcileDelete(set, current);
    }
    Finalizer.ensure(client, set, Finalizers.DPU_SET);
    List<Node> nodes = selectedNodes(set.getSpec().getNodeSelector());
    DesiredDpus.Result desired = DesiredDpus.of(set, nodes);
    desired.problems().forEach(problem -> LOG.warn("DPUSet {}/{}: {}", set.getMetadata().getNamespace(),
        set.getMetadata().getName(), problem));
    RolloutPlan plan = RolloutPlan.of(set.getSpec().getStrategy(), desired.dpus(), current, nodes.size());
    for (DPU dpu : plan.create()) {
      LOG.info("DPUSet {}: creating DPU {}", set.getMetadata().getName(), dpu.getMetadata().getName());
      client.resource(dpu).create();
    }
    for (String name : plan.delete()) {
      LOG.info("DPUSet {}: deleting DPU {}", set.getMetadata().getName(), name);
      client.resources(DPU.class).inNamespace(set.getMetadata().getNamespace()).withName(name).delete();
    }
    plan.patchNodeLabels().forEach((name, labels) -> patchNodeLabels(set.getMetadata().getNamespace(), name, labels));
    DPUSetStatus status = new DPUSetStatus();
    status.setDpuStatistics(statistics(current));
    statusWriter.update(set, status);
    return Result.done();
  }

  private Result reconcileDelete(DPUSet set, List<DPU> current) {
    if (!current.isEmpty()) {
      current.stream().filter(dpu -> !Finalizer.deleting(dpu))
          .forEach(dpu -> client.resource(dpu).delete());
      return Result.done();
    }
    Finalizer.remove(client, set, Finalizers.DPU_SET);
    return Result.done();
  }

  private void patchNodeLabels(String namespace, String name, Map<String, String> labels) {
    client.resources(DPU.class).inNamespace(namespace).withName(name).edit(dpu -> {
      if (dpu.getSpec().getCluster() == null) {
        dpu.getSpec().setCluster(new DPUClusterReference());
      }
      dpu.getSpec().getCluster().setNodeLabels(labels);
      return dpu;
    });
  }

  private List<DPU> ownedDpus(DPUSet set) {
    return client.resources(DPU.class).inNamespace(set.getMetadata().getNamespace())
        .withLabel(LabelKeys.DPUSET_NAME, set.getMetadata().getName())
        .withLabel(LabelKeys.DPUSET_NAMESPACE, set.getMetadata().getNamespace()).list().getItems();
  }

  private List<Node> selectedNodes(LabelSelector selector) {
    if (selector == null) {
      return client.nodes().list().getItems();
    }
    return client.nodes().withLabelSelector(selector).list().getItems();
  }

  /** DPUs per phase; a DPU not yet reconciled counts as Initializing, as its phase defaults to. */
  static Map<String, Integer> statistics(List<DPU> dpus) {
    Map<String, Integer> counts = new TreeMap<>();
    for (DPU dpu : dpus) {
      String phase = dpu.getStatus() == null || dpu.getStatus().getPhase() == null ? "Initializing"
          : dpu.getStatus().getPhase().value();
      counts.merge(phase, 1, Integer::sum);
    }
    return counts;
  }
}
