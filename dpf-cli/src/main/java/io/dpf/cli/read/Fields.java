package io.dpf.cli.read;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Null-safe reads of the few fields the tree shows, from objects read as generic resources. */
public final class Fields {

  private Fields() {
  }

  /** The value at {@code path} (map keys and list indexes), or null when any step is missing. */
  public static Object at(GenericKubernetesResource object, Object... path) {
    Object current = object.getAdditionalProperties();
    for (Object step : path) {
      if (current instanceof Map<?, ?> map && step instanceof String key) {
        current = map.get(key);
      } else if (current instanceof List<?> list && step instanceof Integer index && index < list.size()) {
        current = list.get(index);
      } else {
        return null;
      }
    }
    return current;
  }

  public static String string(GenericKubernetesResource object, Object... path) {
    Object value = at(object, path);
    return value == null ? null : String.valueOf(value);
  }

  /** The value at {@code path} inside a plain map (an element of a list read with {@link #at}). */
  public static String string(Map<?, ?> map, String... path) {
    Object current = map;
    for (String step : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(step);
    }
    return current == null ? null : String.valueOf(current);
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> maps(GenericKubernetesResource object, Object... path) {
    Object value = at(object, path);
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
  }

  public static long number(GenericKubernetesResource object, Object... path) {
    Object value = at(object, path);
    return value instanceof Number n ? n.longValue() : 0;
  }

  public static Instant instant(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static String label(GenericKubernetesResource object, String key) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  public static boolean ownedBy(GenericKubernetesResource object, String kind) {
    List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> kind.equals(o.getKind()));
  }

  public static String name(GenericKubernetesResource object) {
    return object.getMetadata().getName();
  }

  public static String namespace(GenericKubernetesResource object) {
    return object.getMetadata().getNamespace();
  }
}
