package io.dpf.cli.tree;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the built tree is shown: conditions of chosen objects as rows, only the unhealthy
 * subtrees, and like siblings folded into one row. Applied in that order, so an object whose
 * conditions are shown or that leads to a problem is never folded away. Pure: no I/O.
 *
 * @param showConditions {@code all}, a kind ({@code DPUService}) or a kind and name
 *     ({@code DPU/dpu-node-1}); kinds match case-insensitively, plural or not
 * @param issuesOnly keep only rows that are not healthy and the rows leading to them
 * @param grouping fold healthy childless siblings of one kind and status into "N Kinds..."
 */
public record TreeOptions(List<String> showConditions, boolean issuesOnly, boolean grouping) {

  public TreeOptions {
    showConditions = List.copyOf(showConditions);
  }

  public List<Node> apply(List<Node> roots) {
    List<Node> shown = roots.stream().map(this::withConditions).toList();
    if (issuesOnly) {
      shown = prune(shown);
    }
    return grouping ? group(shown) : shown;
  }

  private Node withConditions(Node node) {
    List<Node> children = new ArrayList<>();
    if (node.type() == Node.Type.OBJECT && showsConditionsOf(node)) {
      node.conditions().forEach(c -> children.add(conditionRow(c)));
    }
    node.children().forEach(child -> children.add(withConditions(child)));
    return node.withChildren(children);
  }

  boolean showsConditionsOf(Node node) {
    for (String wanted : showConditions) {
      String[] parts = wanted.trim().split("/", 2);
      if (parts[0].equalsIgnoreCase("all")
          || sameKind(parts[0], node.kind()) && (parts.length == 1 || parts[1].equals(node.name()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameKind(String wanted, String kind) {
    String w = wanted.toLowerCase(Locale.ROOT);
    String k = kind.toLowerCase(Locale.ROOT);
    return w.equals(k) || w.equals(k + "s") || w.equals(k + "es");
  }

  private static Node conditionRow(Node.ConditionRow c) {
    Health health = "True".equals(c.status()) ? Health.OK
        : "False".equals(c.status()) && Rows.failing(c.reason()) ? Health.FAILED : Health.PENDING;
    return new Node(Node.Type.CONDITION, null, c.type(), null, c.status(), c.reason(), c.since(), c.message(),
        health, List.of(), List.of(), List.of());
  }

  static List<Node> prune(List<Node> nodes) {
    List<Node> kept = new ArrayList<>();
    for (Node node : nodes) {
      if (node.hasIssue()) {
        kept.add(node.withChildren(prune(node.children())));
      }
    }
    return kept;
  }

  static List<Node> group(List<Node> siblings) {
    Map<Object, List<Node>> groups = new LinkedHashMap<>();
    int solo = 0;
    for (Node node : siblings) {
      Node grouped = node.withChildren(group(node.children()));
      Object key = groupable(grouped) ? List.of(grouped.kind(), grouped.status(), grouped.reason(), grouped.health(),
          grouped.health() == Health.OK ? "" : grouped.message()) : solo++;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(grouped);
    }
    List<Node> result = new ArrayList<>();
    for (List<Node> members : groups.values()) {
      result.add(members.size() == 1 ? members.get(0) : fold(members));
    }
    return result;
  }

  private static boolean groupable(Node node) {
    return node.type() == Node.Type.OBJECT && node.children().isEmpty();
  }

  private static Node fold(List<Node> members) {
    Node first = members.get(0);
    List<String> names = members.stream().map(Node::name).toList();
    String namespace = members.stream().allMatch(m -> Objects.equals(m.namespace(), first.namespace()))
        ? first.namespace() : "";
    Instant latest = members.stream().map(Node::since).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    String message = first.health() == Health.OK || first.message().isEmpty()
        ? "See " + String.join(", ", names) : String.join(", ", names) + ": " + first.message();
    return new Node(Node.Type.GROUP, first.kind(), first.kind(), namespace, first.status(), first.reason(), latest,
        message, first.health(), List.of(), names, List.of());
  }
}
