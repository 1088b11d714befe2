package io.dpf.cli.tree;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the status tree and the rows under it. Built by {@link TreeBuilder}, reshaped by
 * {@link TreeOptions} (conditions, --issues, grouping), printed by the renderers.
 *
 * @param type what the row is
 * @param kind the object's kind (for groups: the members' kind; for a heading: null)
 * @param name the object's name (for a condition row: the condition type)
 * @param namespace the object's namespace, or null
 * @param status the STATUS column, e.g. {@code Ready: True}, {@code Synced}
 * @param reason the REASON column
 * @param since when the status last changed, or null
 * @param message the MESSAGE column
 * @param health how the row reads; a group's is its members'
 * @param conditions the object's conditions, for --show-conditions (empty for other rows)
 * @param members for a collapsed group: the members' names
 * @param children the rows under this one
 */
public record Node(Type type, String kind, String name, String namespace, String status, String reason,
    Instant since, String message, Health health, List<ConditionRow> conditions, List<String> members,
    List<Node> children) {

  /** What a row stands for. */
  public enum Type {
    /** A Kubernetes object. */
    OBJECT,
    /** A heading such as "DPUClusters" or "System Components". */
    HEADING,
    /** One condition of the parent object (--show-conditions). */
    CONDITION,
    /** Several like objects folded into one row ("4 DPUs..."). */
    GROUP,
    /** Something the reader could not find out (an unreachable cluster, a forbidden list). */
    PROBLEM
  }

  /** One condition as read from the API. */
  public record ConditionRow(String type, String status, String reason, Instant since, String message) {
  }

  public Node {
    conditions = List.copyOf(conditions);
    members = List.copyOf(members);
    children = List.copyOf(children);
  }

  public static Node heading(String title, List<Node> children) {
    return new Node(Type.HEADING, null, title, null, "", "", null, "", Health.NONE, List.of(), List.of(), children);
  }

  /** Something the tree cannot show as an object: an unreachable cluster, a list that failed, a missing reference. */
  public static Node problem(String what, String status, String message, Health health) {
    return new Node(Type.PROBLEM, null, what, null, status, "", null, message, health, List.of(), List.of(),
        List.of());
  }

  /** NAME column text. */
  public String label() {
    return switch (type) {
      case OBJECT -> kind + "/" + name;
      case GROUP -> members.size() + " " + plural(kind) + "...";
      case HEADING, CONDITION, PROBLEM -> name;
    };
  }

  public Node withChildren(List<Node> newChildren) {
    return new Node(type, kind, name, namespace, status, reason, since, message, health, conditions, members,
        newChildren);
  }

  /** This row plus more rows under it. */
  public Node withMoreChildren(List<Node> more) {
    List<Node> all = new ArrayList<>(children);
    all.addAll(more);
    return withChildren(all);
  }

  /** True when this row or any row under it is an issue. */
  public boolean hasIssue() {
    return health.isIssue() || children.stream().anyMatch(Node::hasIssue);
  }

  static String plural(String kind) {
    return kind.endsWith("s") ? kind + "es" : kind + "s";
  }
}
