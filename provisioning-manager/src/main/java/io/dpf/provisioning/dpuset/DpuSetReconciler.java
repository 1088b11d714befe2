package io.dpf.provisioning.dpuset;

import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStatus;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.LabelSelectors;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Comparator;
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
  static final Duration STATISTICS_INTERVAL = Duration.ofSeconds(1);
  private static final Logger LOG = LoggerFactory.getLogger(DpuSetReconciler.class);

  private final KubernetesClient client;
  private final StatusWriter statusWriter;
  private final KindCache<DPU> dpus;
  private final KindCache<Node> nodes;
  private final StatisticsPacing pacing = new StatisticsPacing(STATISTICS_INTERVAL, System::nanoTime);

  /** DPUs and host Nodes are read from the manager's shared caches (DPUs indexed by owning set). */
  public DpuSetReconciler(KubernetesClient client, KindCache<DPU> dpus, KindCache<Node> nodes) {
    this.client = client;
    this.dpus = dpus.addIndex(LabelKeys.DPUSET_NAME, dpu -> {
      var labels = dpu.getMetadata().getLabels();
      return labels == null || !labels.containsKey(LabelKeys.DPUSET_NAME) ? List.of()
          : List.of(labels.get(LabelKeys.DPUSET_NAMESPACE) + "/" + labels.get(LabelKeys.DPUSET_NAME));
    });
    this.nodes = nodes;
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
      try {
        client.resource(dpu).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
        // Created by an earlier pass whose event the cache has not delivered yet.
      }
    }
    for (String name : plan.delete()) {
      LOG.info("DPUSet {}: deleting DPU {}", set.getMetadata().getName(), name);
      client.resources(DPU.class).inNamespace(set.getMetadata().getNamespace()).withName(name).delete();
    }
    plan.patchNodeLabels().forEach((name, labels) -> patchNodeLabels(set.getMetadata().getNamespace(), name, labels));
    DPUSetStatus status = new DPUSetStatus();
    status.setDpuStatistics(statistics(current));
    Duration wait = pacing.untilNextWrite(set);
    if (!wait.isZero() && !status.getDpuStatistics().equals(observedStatistics(set))) {
      return Result.requeueAfter(wait);
    }
    if (statusWriter.update(set, status)) {
      pacing.wrote(set);
    }
    return Result.done();
  }

  private static Map<String, Integer> observedStatistics(DPUSet set) {
    return set.getStatus() == null || set.getStatus().getDpuStatistics() == null ? Map.of()
        : set.getStatus().getDpuStatistics();
  }

  private Result reconcileDelete(DPUSet set, List<DPU> current) {
    if (!current.isEmpty()) {
      current.stream().filter(dpu -> !Finalizer.deleting(dpu))
          .forEach(dpu -> client.resource(dpu).delete());
      return Result.done();
    }
    Finalizer.remove(client, set, Finalizers.DPU_SET);
    pacing.forget(set);
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
    return dpus.byIndex(LabelKeys.DPUSET_NAME, set.getMetadata().getNamespace() + "/" + set.getMetadata().getName())
        .stream().filter(dpu -> set.getMetadata().getNamespace().equals(dpu.getMetadata().getNamespace()))
        .sorted(Comparator.comparing(dpu -> dpu.getMetadata().getName())).toList();
  }

  private List<Node> selectedNodes(LabelSelector selector) {
    return nodes.list().stream().filter(node -> LabelSelectors.matches(selector,
            node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels()))
        .sorted(Comparator.comparing(node -> node.getMetadata().getName())).toList();
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
