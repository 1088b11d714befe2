package io.dpf.cli.tree;

import io.dpf.cli.read.DpuClusterView;
import io.dpf.cli.read.Fields;
import io.dpf.cli.read.Kind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One resource an Application reports, and for a workload what its DPU cluster shows: ready
 * replicas, and the Pods that are not ready with the reason their containers give
 * (CrashLoopBackOff, ImagePullBackOff, Unschedulable). Pure: no I/O.
 */
final class WorkloadRows {

  private static final Map<String, Kind> LIVE_KINDS = Map.of("Deployment", Kind.DEPLOYMENT, "DaemonSet",
      Kind.DAEMON_SET, "StatefulSet", Kind.STATEFUL_SET);

  /** @param view the reachable DPU cluster the resource lives in, or null when it cannot be looked at */
  Node resource(Map<String, Object> resource, DpuClusterView view) {
    String kind = Fields.string(resource, "kind");
    String name = Fields.string(resource, "name");
    String namespace = Fields.string(resource, "namespace");
    String sync = Fields.string(resource, "status");
    String health = Fields.string(resource, "health", "status");
    List<String> messages = new ArrayList<>();
    String healthMessage = Fields.string(resource, "health", "message");
    if (healthMessage != null && !healthMessage.isEmpty()) {
      messages.add(healthMessage);
    }
    Health shown = "Synced".equals(sync) && (health == null || "Healthy".equals(health)) ? Health.OK
        : "Degraded".equals(health) || "Missing".equals(health) ? Health.FAILED : Health.PENDING;
    List<Node> pods = List.of();
    Kind liveKind = LIVE_KINDS.get(kind);
    if (view != null && liveKind != null) {
      GenericKubernetesResource live = view.find(liveKind, namespace, name);
      if (live == null) {
        messages.add("not found in DPU cluster " + view.name());
        shown = Health.FAILED;
      } else {
        long[] readyOfWanted = readyOfWanted(live);
        messages.add("DPU cluster: " + readyOfWanted[0] + "/" + readyOfWanted[1] + " ready");
        if (readyOfWanted[0] < readyOfWanted[1] || readyOfWanted[1] == 0) {
          shown = shown == Health.FAILED ? Health.FAILED : Health.PENDING;
          pods = notReadyPods(live, view);
          if (pods.stream().anyMatch(p -> p.health() == Health.FAILED)) {
            shown = Health.FAILED;
          }
        }
      }
    }
    return new Node(Node.Type.OBJECT, kind, name, namespace, sync == null ? "Unknown" : sync,
        health == null ? "" : health, null, String.join("; ", messages), shown, List.of(), List.of(), pods);
  }

  /** Ready and wanted replicas (for a DaemonSet: ready and scheduled Pods). */
  static long[] readyOfWanted(GenericKubernetesResource live) {
    if ("DaemonSet".equals(live.getKind())) {
      return new long[] {Fields.number(live, "status", "numberReady"),
          Fields.number(live, "status", "desiredNumberScheduled")};
    }
    Object replicas = Fields.at(live, "spec", "replicas");
    long wanted = replicas instanceof Number n ? n.longValue() : 1;
    return new long[] {Fields.number(live, "status", "readyReplicas"), wanted};
  }

  private static List<Node> notReadyPods(GenericKubernetesResource workload, DpuClusterView view) {
    Object selector = Fields.at(workload, "spec", "selector");
    return view.all(Kind.POD).stream()
        .filter(p -> Fields.namespace(workload).equals(Fields.namespace(p)))
        .filter(p -> selector instanceof Map<?, ?> s && Selectors.matches(s, p.getMetadata().getLabels()))
        .map(WorkloadRows::pod)
        .filter(p -> p.health() != Health.OK)
        .toList();
  }

  static Node pod(GenericKubernetesResource pod) {
    Node.ConditionRow ready = Rows.conditions(pod).stream().filter(c -> "Ready".equals(c.type())).findFirst()
        .orElse(null);
    if (ready != null && "True".equals(ready.status())) {
      return Rows.node(pod, "Ready: True", ready.reason(), ready.since(), "", Health.OK, List.of(), List.of());
    }
    String reason = null;
    String message = null;
    for (Map<String, Object> container : Fields.maps(pod, "status", "containerStatuses")) {
      for (String state : List.of("waiting", "terminated")) {
        String r = Fields.string(container, "state", state, "reason");
        if (r != null && reason == null) {
          reason = r;
          message = Fields.string(container, "state", state, "message");
        }
      }
    }
    for (Map<String, Object> condition : Fields.maps(pod, "status", "conditions")) {
      if (reason == null && "PodScheduled".equals(condition.get("type")) && "False".equals(condition.get("status"))) {
        reason = Fields.string(condition, "reason");
        message = Fields.string(condition, "message");
      }
    }
    if (reason == null) {
      reason = Fields.string(pod, "status", "phase");
    }
    boolean failing = reason != null && (reason.contains("BackOff") || reason.contains("Err")
        || reason.equals("Unschedulable") || reason.equals("OOMKilled") || reason.equals("Error")
        || reason.equals("Failed"));
    return Rows.node(pod, "Ready: " + (ready == null ? "Unknown" : ready.status()), reason,
        ready == null ? null : ready.since(), message, failing ? Health.FAILED : Health.PENDING, List.of(), List.of());
  }
}
