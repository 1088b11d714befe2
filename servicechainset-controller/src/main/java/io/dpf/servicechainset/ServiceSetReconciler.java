package io.dpf.servicechainset;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.svc.v1alpha1.ServiceSetStatus;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.LabelSelectors;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.events.EventRecorder;
import io.dpf.runtime.reconcile.Finalizer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A set, like a DaemonSet: one child per DPU-cluster node its {@code nodeSelector} picks (every node
 * when it has none), applied with server-side apply, and no child on any other node. A child whose
 * node is gone is deleted, with the sfc-controller's finalizer taken off it (no controller is left
 * on that node to do it). Status: numberApplied (children written), numberReady (children whose
 * Ready is True), the reconciled and ready conditions and Ready. Deleting the set deletes its
 * children and waits until they are gone.
 */
public final class ServiceSetReconciler<S extends CustomResource<?, ServiceSetStatus>,
    C extends CustomResource<?, ? extends ConditionedStatus>> implements Reconciler<S> {

  public static final String FIELD_MANAGER = "servicechainset-controller";
  static final Duration RETRY = Duration.ofSeconds(10);
  private static final int NAMED_IN_MESSAGES = 5;

  private final KubernetesClient client;
  private final SetKind<S, C> kind;
  private final Supplier<List<Node>> nodes;
  private final Function<S, List<C>> children;
  private final ServerSideApply apply;
  private final StatusWriter statusWriter;
  private final EventRecorder events;
  private final Clock clock;

  /**
   * @param nodes the cluster's nodes (from a cache)
   * @param children the set's existing children (from a cache)
   */
  public ServiceSetReconciler(KubernetesClient client, SetKind<S, C> kind, Supplier<List<Node>> nodes,
      Function<S, List<C>> children, Clock clock) {
    this.client = client;
    this.kind = kind;
    this.nodes = nodes;
    this.children = children;
    this.apply = new ServerSideApply(client, FIELD_MANAGER);
    this.statusWriter = new StatusWriter(apply, client.getKubernetesSerialization());
    this.events = new EventRecorder(client, FIELD_MANAGER, clock);
    this.clock = clock;
  }

  @Override
  public Result reconcile(S set) {
    boolean deleting = set.getMetadata().getDeletionTimestamp() != null;
    if (!deleting && Finalizer.ensure(client, set, kind.finalizer())) {
      return Result.done(); // the update brings it back
    }
    ServiceSetStatus status = set.getStatus() == null ? new ServiceSetStatus()
        : client.getKubernetesSerialization().clone(set.getStatus());
    List<Condition> before = status.conditions().stream().map(c -> new ConditionBuilder(c).build()).toList();
    Conditions conditions = Conditions.of(status, set.getMetadata().getGeneration(), clock).ensure(kind.conditionTypes());
    Set<String> nodeNames = nodes.get().stream().map(node -> node.getMetadata().getName()).collect(Collectors.toSet());
    List<C> existing = children.apply(set);
    Result result = Result.done();
    if (deleting) {
      List<String> remaining = deleteChildren(existing, Set.of(), nodeNames);
      if (remaining.isEmpty()) {
        Finalizer.remove(client, set, kind.finalizer());
        return Result.done();
      }
      conditions.setFalse(kind.reconciledCondition(), Reasons.AWAITING_DELETION,
          "The following objects are awaiting deletion: " + summary(remaining));
    } else {
      result = reconcileChildren(set, status, conditions, existing, nodeNames);
    }
    conditions.summarize();
    status.setObservedGeneration(set.getMetadata().getGeneration());
    if (statusWriter.update(set, status)) {
      events.conditionTransitions(set, before, status.getConditions());
    }
    return result;
  }

  private Result reconcileChildren(S set, ServiceSetStatus status, Conditions conditions, List<C> existing,
      Set<String> nodeNames) {
    List<String> selected = nodes.get().stream()
        .filter(node -> node.getMetadata().getDeletionTimestamp() == null)
        .filter(node -> LabelSelectors.matches(kind.nodeSelector(set), labels(node)))
        .map(node -> node.getMetadata().getName()).sorted().toList();
    List<String> problems = new ArrayList<>();
    List<String> notReady = new ArrayList<>();
    int applied = 0;
    int ready = 0;
    List<String> wanted = new ArrayList<>();
    for (String node : selected) {
      C child = kind.child(set, node);
      wanted.add(child.getMetadata().getName());
      try {
        C live = apply.apply(child);
        applied++;
        if (Conditions.isTrue(live.getStatus(), ConditionTypes.READY)) {
          ready++;
        } else {
          notReady.add(describeNotReady(live));
        }
      } catch (KubernetesClientException e) {
        problems.add(child.getKind() + " " + child.getMetadata().getName() + ": " + e.getMessage());
      }
    }
    deleteChildren(existing, Set.copyOf(wanted), nodeNames);
    status.setNumberApplied(applied);
    status.setNumberReady(ready);
    if (problems.isEmpty()) {
      conditions.setTrue(kind.reconciledCondition());
    } else {
      conditions.setFalse(kind.reconciledCondition(), Reasons.ERROR, summary(problems));
    }
    if (problems.isEmpty() && notReady.isEmpty()) {
      conditions.setTrue(kind.readyCondition());
    } else {
      conditions.setFalse(kind.readyCondition(), Reasons.PENDING,
          notReady.isEmpty() ? "Not every child is applied" : summary(notReady));
    }
    return problems.isEmpty() ? Result.done() : Result.requeueAfter(RETRY);
  }

  /** Deletes the children not in {@code keep}; returns the names of those that still exist. */
  private List<String> deleteChildren(List<C> existing, Set<String> keep, Set<String> nodeNames) {
    List<String> remaining = new ArrayList<>();
    for (C child : existing) {
      String name = child.getMetadata().getName();
      if (keep.contains(name)) {
        continue;
      }
      remaining.add(child.getKind() + " " + name);
      if (!nodeNames.contains(kind.nodeOf(child))) {
        Finalizer.remove(client, child, kind.childFinalizer());
      }
      if (child.getMetadata().getDeletionTimestamp() == null) {
        client.resource(child).delete();
      }
    }
    return remaining;
  }

  /** Why a child is not ready: its first condition that is not True says it better than the Ready summary. */
  private static String describeNotReady(CustomResource<?, ? extends ConditionedStatus> child) {
    List<Condition> childConditions = child.getStatus() == null || child.getStatus().getConditions() == null
        ? List.of() : child.getStatus().getConditions();
    String why = childConditions.stream().filter(c -> !ConditionTypes.READY.equals(c.getType()))
        .filter(c -> !Conditions.STATUS_TRUE.equals(c.getStatus())).findFirst()
        .or(() -> childConditions.stream().filter(c -> ConditionTypes.READY.equals(c.getType())).findFirst())
        .map(c -> c.getType() + " " + c.getReason()
            + (c.getMessage() == null || c.getMessage().isEmpty() ? "" : ": " + c.getMessage()))
        .orElse("no status yet");
    return child.getKind() + " " + child.getMetadata().getName() + " is not ready (" + why + ")";
  }

  /** The first few, and how many more: a message stays readable with hundreds of nodes. */
  private static String summary(List<String> items) {
    String named = items.stream().limit(NAMED_IN_MESSAGES).collect(Collectors.joining("; "));
    return items.size() <= NAMED_IN_MESSAGES ? named : named + "; and " + (items.size() - NAMED_IN_MESSAGES) + " more";
  }

  private static Map<String, String> labels(Node node) {
    return node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
  }
}
