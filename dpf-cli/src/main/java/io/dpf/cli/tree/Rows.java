package io.dpf.cli.tree;

import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Reasons;
import io.dpf.cli.read.Fields;
import io.dpf.cli.tree.Node.ConditionRow;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The row of one object, from its conditions (DPF's {@code Ready} summary and the conditions
 * behind it) or, for kinds without conditions, its phase. Pure: no I/O.
 */
public final class Rows {

  /** Prefix of the message DPF's summary puts on a Ready that is not True. */
  static final String NOT_READY_PREFIX = "The following conditions are not ready: ";

  private Rows() {
  }

  public static Node conditioned(GenericKubernetesResource object) {
    return conditioned(object, List.of());
  }

  /** A row for an object whose status is its conditions (most DPF kinds, Nodes). */
  public static Node conditioned(GenericKubernetesResource object, List<Node> children) {
    List<ConditionRow> conditions = conditions(object);
    ConditionRow ready = conditions.stream().filter(c -> ConditionTypes.READY.equals(c.type())).findFirst()
        .orElse(null);
    String phase = Fields.string(object, "status", "phase");
    if (ready == null) {
      String status = phase == null ? "" : "Phase: " + phase;
      return node(object, status, "", null, "no Ready condition reported yet" + reporter(object.getKind()),
          Health.PENDING, conditions, children);
    }
    boolean isTrue = "True".equals(ready.status());
    Health health = isTrue ? Health.OK : failing(ready.reason()) || conditions.stream()
        .anyMatch(c -> "False".equals(c.status()) && failing(c.reason())) ? Health.FAILED : Health.PENDING;
    String message = isTrue ? ready.message() : notReadyMessage(ready, conditions);
    return node(object, "Ready: " + ready.status(), ready.reason(), ready.since(), message, health, conditions,
        children);
  }

  /** Who writes this kind's status, so "nothing reported" points at what to check. */
  static String reporter(String kind) {
    String manager = switch (kind) {
      case "DPFOperatorConfig" -> "the DPF operator";
      case "DPU", "DPUCluster", "BFB", "DPUSet" -> "the provisioning manager";
      case "DPUService", "DPUDeployment", "DPUServiceChain", "DPUServiceInterface", "DPUServiceIPAM",
          "DPUServiceCredentialRequest" -> "the DPUService manager";
      default -> null;
    };
    return manager == null ? "" : " (" + manager + " reports it: is it running?)";
  }

  /** A BFB: its phase (it has no conditions in v25.1), the download error or the file it becomes. */
  public static Node bfb(GenericKubernetesResource bfb) {
    if (!conditions(bfb).isEmpty()) {
      return conditioned(bfb, List.of());
    }
    String phase = Fields.string(bfb, "status", "phase");
    String error = Fields.string(bfb, "status", "message");
    String file = Fields.string(bfb, "spec", "fileName");
    String message = error != null && !error.isEmpty() ? error : "File: " + (file == null
        ? Names.bfbFileName(Fields.namespace(bfb), Fields.name(bfb)) : file);
    boolean ready = "Ready".equals(phase);
    Health health = ready ? Health.OK : "Error".equals(phase) ? Health.FAILED : Health.PENDING;
    return node(bfb, "Ready: " + (ready ? "True" : "False"), phase == null ? "" : phase, null, message, health,
        List.of(), List.of());
  }

  /** An object with no status of its own (a DPUServiceTemplate, a DPUSet): its children decide. */
  public static Node plain(GenericKubernetesResource object, String message, List<Node> children) {
    return node(object, "", "", null, message, Health.NONE, List.of(), children);
  }

  /** A row with every column given; being deleted is added to the message. */
  public static Node node(GenericKubernetesResource object, String status, String reason, Instant since,
      String message, Health health, List<ConditionRow> conditions, List<Node> children) {
    String deletion = object.getMetadata().getDeletionTimestamp();
    String shown = message == null ? "" : message;
    Health shownHealth = health;
    if (deletion != null) {
      List<String> finalizers = object.getMetadata().getFinalizers();
      shown = "being deleted since " + deletion + (finalizers == null || finalizers.isEmpty() ? ""
          : " (finalizers: " + String.join(", ", finalizers) + ")") + (shown.isEmpty() ? "" : "; " + shown);
      shownHealth = health == Health.FAILED ? Health.FAILED : Health.PENDING;
    }
    return new Node(Node.Type.OBJECT, object.getKind(), Fields.name(object), Fields.namespace(object), status,
        reason == null ? "" : reason, since, oneLine(shown), shownHealth, conditions, List.of(), children);
  }

  public static List<ConditionRow> conditions(GenericKubernetesResource object) {
    List<ConditionRow> rows = new ArrayList<>();
    for (Map<String, Object> c : Fields.maps(object, "status", "conditions")) {
      rows.add(new ConditionRow(Fields.string(c, "type"), Fields.string(c, "status"), orEmpty(Fields.string(c, "reason")),
          Fields.instant(Fields.string(c, "lastTransitionTime")), oneLine(orEmpty(Fields.string(c, "message")))));
    }
    return rows;
  }

  /** A reason that says something failed rather than is still on its way. */
  static boolean failing(String reason) {
    return reason != null && (Reasons.ERROR.equals(reason) || Reasons.FAILURE.equals(reason)
        || reason.contains("Fail") || reason.contains("Error") || reason.endsWith("TimedOut")
        || reason.endsWith("Timedout"));
  }

  /**
   * Ready's message, with the conditions behind it: DPF's summary only names them ("The following
   * conditions are not ready: A, B"), so it is replaced by what each of them says.
   */
  static String notReadyMessage(ConditionRow ready, List<ConditionRow> conditions) {
    List<String> details = new ArrayList<>();
    for (ConditionRow c : conditions) {
      if (ConditionTypes.READY.equals(c.type()) || "True".equals(c.status()) || c.message().isEmpty()
          || ready.message().contains(c.message())) {
        continue;
      }
      boolean telling = !c.reason().isEmpty() && !Reasons.PENDING.equals(c.reason());
      details.add(c.type() + (telling ? " (" + c.reason() + ")" : "") + ": " + c.message());
    }
    if (details.isEmpty()) {
      return ready.message();
    }
    String joined = String.join("; ", details);
    return ready.message().isEmpty() || ready.message().startsWith(NOT_READY_PREFIX) ? joined
        : ready.message() + "; " + joined;
  }

  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
  }

  static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
