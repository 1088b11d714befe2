package io.dpf.cli.tree;

import java.util.List;
import java.util.Map;

/** Kubernetes label selectors (matchLabels, matchExpressions) over plain maps, as read generically. */
final class Selectors {

  private Selectors() {
  }

  /** True when {@code labels} match the selector; an absent or empty selector matches nothing. */
  static boolean matches(Map<?, ?> selector, Map<String, String> labels) {
    if (selector == null || selector.isEmpty()) {
      return false;
    }
    Map<String, String> have = labels == null ? Map.of() : labels;
    if (selector.get("matchLabels") instanceof Map<?, ?> matchLabels) {
      for (Map.Entry<?, ?> e : matchLabels.entrySet()) {
        if (!String.valueOf(e.getValue()).equals(have.get(String.valueOf(e.getKey())))) {
          return false;
        }
      }
    }
    if (selector.get("matchExpressions") instanceof List<?> expressions) {
      for (Object expression : expressions) {
        if (expression instanceof Map<?, ?> e && !matchesExpression(e, have)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matchesExpression(Map<?, ?> expression, Map<String, String> labels) {
    String key = String.valueOf(expression.get("key"));
    List<?> values = expression.get("values") instanceof List<?> list ? list : List.of();
    String value = labels.get(key);
    return switch (String.valueOf(expression.get("operator"))) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
