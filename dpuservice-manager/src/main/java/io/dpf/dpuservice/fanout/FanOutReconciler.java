package io.dpf.dpuservice.fanout;

import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.dpuservice.clusters.DpuCluster;
import io.dpf.dpuservice.clusters.DpuClusterRegistry;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Failures;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.runtime.reconcile.Prune;
import io.dpf.runtime.reconcile.StatusScope;
import io.dpf.runtime.reconcile.Statuses;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps a host object's children in the DPU clusters its {@code clusterSelector} picks (all when
 * empty) and in no other: namespace ensured, children applied, others of its children deleted.
 * Conditions: reconciled (every selected cluster written), ready (every child Ready). Deletion
 * deletes the children everywhere and waits until they are gone.
 */
public final class FanOutReconciler<P extends CustomResource<?, ? extends ConditionedStatus>>
    implements Reconciler<P> {

  static final Duration DELETION_POLL = Duration.ofSeconds(10);
  static final Duration UNREACHABLE_CLUSTER_RETRY = Duration.ofSeconds(30);

  private final KubernetesClient host;
  private final FanOutKind<P> kind;
  private final DpuClusterRegistry registry;
  private final String fieldManager;
  private final Statuses statuses;
  private final DpuClusterWatches watches;

  public FanOutReconciler(KubernetesClient host, FanOutKind<P> kind, DpuClusterRegistry registry, Clock clock,
      Supplier<Controller<?>> controller) {
    this.host = host;
    this.kind = kind;
    this.registry = registry;
    // One field manager per controller: dpuservicechain-controller, dpuserviceinterface-controller, ...
    this.fieldManager = HasMetadata.getKind(kind.parentType()).toLowerCase(Locale.ROOT) + "-controller";
    this.statuses = Statuses.of(host, fieldManager, clock);
    this.watches = new DpuClusterWatches(controller, kind.childKinds(), kind.parentNameLabel(),
        kind.parentNamespaceLabel());
  }

  @Override
  public Result reconcile(P parent) {
    if (Finalizer.ensure(host, parent, kind.finalizer())) {
      return Result.done(); // the update brings us back
    }
    DpuClusterRegistry.Snapshot clusters = registry.snapshot();
    watches.ensure(clusters.clusters());
    try (StatusScope<ConditionedStatus> scope = statuses.open(parent, kind::newStatus, kind.conditionTypes())) {
      if (Finalizer.deleting(parent)) {
        List<String> remaining = deleteEverywhere(parent, clusters);
        if (remaining.isEmpty()) {
          Finalizer.remove(host, parent, kind.finalizer());
          scope.skipWrite();
          return Result.done();
        }
        scope.conditions().setFalse(kind.reconciledCondition(), Reasons.AWAITING_DELETION,
            "The following objects are awaiting deletion: " + String.join(", ", remaining));
        return Result.requeueAfter(DELETION_POLL);
      }
      Result result = reconcileNormal(parent, clusters, scope.conditions());
      scope.succeeded();
      return result;
    }
  }

  private Result reconcileNormal(P parent, DpuClusterRegistry.Snapshot clusters, Conditions conditions) {
    Optional<String> invalid = kind.invalid(parent);
    if (invalid.isPresent()) {
      // Terminal until the user changes the object; what already runs in DPU clusters stays.
      conditions.setFalse(kind.reconciledCondition(), Reasons.FAILURE, invalid.get());
      conditions.setFalse(kind.readyCondition(), Reasons.PENDING, "Not reconciled: " + invalid.get());
      return Result.done();
    }
    List<String> problems = new ArrayList<>();
    List<String> notReady = new ArrayList<>();
    List<HasMetadata> desired = kind.desiredChildren(parent);
    for (DpuCluster cluster : clusters.clusters()) {
      boolean selected = ClusterSelectors.selects(kind.clusterSelector(parent), cluster.labels());
      try {
        if (selected) {
          registry.ensureNamespace(cluster, parent.getMetadata().getNamespace());
          ServerSideApply apply = new ServerSideApply(cluster.client(), fieldManager);
          for (HasMetadata child : desired) {
            HasMetadata live = apply.apply(child);
            kind.notReady(live).ifPresent(why -> notReady.add(cluster.name() + ": " + why));
          }
        }
        deleteChildren(parent, cluster, selected ? desired : List.of());
      } catch (KubernetesClientException e) {
        problems.add("DPU cluster " + cluster.name() + ": " + Failures.describe(e));
      }
    }
    clusters.unreachable().forEach((name, why) -> problems.add("DPU cluster " + name + ": " + why));
    if (problems.isEmpty()) {
      conditions.setTrue(kind.reconciledCondition());
    } else {
      conditions.setFalse(kind.reconciledCondition(), Reasons.ERROR, String.join("; ", problems));
    }
    if (notReady.isEmpty() && problems.isEmpty()) {
      conditions.setTrue(kind.readyCondition());
    } else {
      conditions.setFalse(kind.readyCondition(), Reasons.PENDING,
          notReady.isEmpty() ? "Not every selected DPU cluster is reconciled" : String.join("; ", notReady));
    }
    return problems.isEmpty() ? Result.done() : Result.requeueAfter(UNREACHABLE_CLUSTER_RETRY);
  }

  private List<String> deleteEverywhere(P parent, DpuClusterRegistry.Snapshot clusters) {
    List<String> remaining = new ArrayList<>();
    for (DpuCluster cluster : clusters.clusters()) {
      deleteChildren(parent, cluster, List.of()).forEach(name -> remaining.add(cluster.name() + "/" + name));
    }
    // Its children are still there; the parent waits for the cluster to answer again.
    clusters.down().forEach((name, why) -> remaining.add("whatever is in DPU cluster " + name + " (" + why + ")"));
    return remaining;
  }

  /** Deletes the parent's children in a cluster other than {@code keep}; returns those that still exist. */
  private List<String> deleteChildren(P parent, DpuCluster cluster, List<HasMetadata> keep) {
    Set<String> kept = keep.stream().map(c -> c.getKind() + "/" + c.getMetadata().getName()).collect(Collectors.toSet());
    List<String> remaining = new ArrayList<>();
    for (Class<? extends HasMetadata> childKind : kind.childKinds()) {
      List<? extends HasMetadata> children;
      try {
        children = cluster.client().resources(childKind).inNamespace(parent.getMetadata().getNamespace())
            .withLabel(kind.parentNameLabel(), parent.getMetadata().getName())
            .withLabel(kind.parentNamespaceLabel(), parent.getMetadata().getNamespace())
            .list().getItems();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          continue; // the kind is not installed there: nothing of ours can exist
        }
        throw e;
      }
      remaining.addAll(Prune.deleteAllBut(cluster.client(), children,
          child -> kept.contains(child.getKind() + "/" + child.getMetadata().getName())));
    }
    return remaining;
  }

}
