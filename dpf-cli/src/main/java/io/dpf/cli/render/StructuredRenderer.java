package io.dpf.cli.render;

import io.dpf.cli.tree.Node;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tree as JSON or YAML for scripts: the same rows as the table (after --issues and
 * grouping), with SINCE as an RFC 3339 time and each row's health.
 */
public final class StructuredRenderer {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  public String json(List<Node> roots) {
    return serialization.asJson(Map.of("items", roots.stream().map(StructuredRenderer::toMap).toList())) + "\n";
  }

  public String yaml(List<Node> roots) {
    return serialization.asYaml(Map.of("items", roots.stream().map(StructuredRenderer::toMap).toList()));
  }

  static Map<String, Object> toMap(Node node) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", node.type().name().toLowerCase(Locale.ROOT));
    putIfPresent(map, "kind", node.kind());
    map.put("name", node.name());
    putIfPresent(map, "namespace", node.namespace());
    putIfPresent(map, "status", node.status());
    putIfPresent(map, "reason", node.reason());
    if (node.since() != null) {
      map.put("since", node.since().toString());
    }
    putIfPresent(map, "message", node.message());
    map.put("health", node.health().name().toLowerCase(Locale.ROOT));
    if (!node.members().isEmpty()) {
      map.put("members", node.members());
    }
    if (!node.children().isEmpty()) {
      map.put("children", node.children().stream().map(StructuredRenderer::toMap).toList());
    }
    return map;
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }
}
