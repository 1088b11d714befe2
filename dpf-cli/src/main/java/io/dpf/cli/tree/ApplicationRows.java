package io.dpf.cli.tree;

import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.cli.read.DpuClusterView;
import io.dpf.cli.read.Fields;
import io.dpf.cli.read.Kind;
import io.dpf.cli.read.Snapshot;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DPUService's Argo CD Applications (one per DPU cluster), each with the workloads Argo CD
 * reports for it in {@code status.resources}, joined with what the DPU cluster itself shows.
 * Pure: no I/O.
 */
final class ApplicationRows {

  private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "DaemonSet", "StatefulSet");

  private final Snapshot snapshot;
  private final WorkloadRows workloads = new WorkloadRows();

  ApplicationRows(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  List<Node> of(GenericKubernetesResource service) {
    return snapshot.all(Kind.APPLICATION).stream()
        .filter(app -> Fields.name(service).equals(Fields.label(app, LabelKeys.DPU_SERVICE_NAME))
            && Fields.namespace(service).equals(Fields.label(app, LabelKeys.DPU_SERVICE_NAMESPACE)))
        .map(this::application)
        .toList();
  }

  private Node application(GenericKubernetesResource app) {
    String cluster = Fields.label(app, LabelKeys.CLUSTER);
    DpuClusterView view = cluster == null || Names.ARGOCD_IN_CLUSTER.equals(cluster) ? null
        : snapshot.dpuClusterNamed(cluster);
    List<Node> children = new ArrayList<>();
    if (view != null && !view.reachable()) {
      children.add(Node.problem("DPU cluster " + view.name(), "Unreachable", view.problem(), Health.FAILED));
    }
    for (Map<String, Object> resource : Fields.maps(app, "status", "resources")) {
      String kind = Fields.string(resource, "kind");
      boolean inSync = "Synced".equals(Fields.string(resource, "status"));
      String health = Fields.string(resource, "health", "status");
      boolean healthy = health == null || "Healthy".equals(health);
      if (WORKLOAD_KINDS.contains(kind) || !inSync || !healthy) {
        children.add(workloads.resource(resource, view != null && view.reachable() ? view : null));
      }
    }
    return row(app, children);
  }

  /** STATUS is Argo CD's sync status, REASON its health, as dpfctl shows them. */
  private static Node row(GenericKubernetesResource app, List<Node> children) {
    String sync = Fields.string(app, "status", "sync", "status");
    String health = Fields.string(app, "status", "health", "status");
    List<String> messages = new ArrayList<>();
    if (sync == null && health == null) {
      messages.add("no status from Argo CD yet (is its application-controller running?)");
    }
    addIfPresent(messages, Fields.string(app, "status", "health", "message"));
    String operation = Fields.string(app, "status", "operationState", "phase");
    if ("Failed".equals(operation) || "Error".equals(operation)) {
      addIfPresent(messages, "sync " + operation + ": " + Fields.string(app, "status", "operationState", "message"));
    }
    for (Map<String, Object> condition : Fields.maps(app, "status", "conditions")) {
      addIfPresent(messages, Fields.string(condition, "type") + ": " + Fields.string(condition, "message"));
    }
    boolean failing = "Degraded".equals(health) || "Missing".equals(health) || "Unknown".equals(sync)
        || "Failed".equals(operation) || "Error".equals(operation)
        || Fields.maps(app, "status", "conditions").stream().anyMatch(c -> String.valueOf(c.get("type")).endsWith("Error"));
    Health shown = "Synced".equals(sync) && "Healthy".equals(health) ? Health.OK
        : failing ? Health.FAILED : Health.PENDING;
    Instant since = Fields.instant(Fields.string(app, "status", "health", "lastTransitionTime"));
    if (since == null) {
      since = Fields.instant(Fields.string(app, "status", "operationState", "finishedAt"));
    }
    return Rows.node(app, sync == null ? "Unknown" : sync, health == null ? "" : health, since,
        String.join("; ", messages), shown, List.of(), children);
  }

  private static void addIfPresent(List<String> messages, String message) {
    if (message != null && !message.isEmpty() && !message.endsWith(": null")) {
      messages.add(message);
    }
  }
}
