package io.dpf.runtime.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decides, without I/O, whether a server-side apply would change the live object. It errs towards
 * writing: a needless apply is harmless (the server keeps the object as it is), a skipped one is not.
 *
 * <p>An apply is needed unless (1) everything we would apply is already in the live object
 * (a semantic subset: maps by key, lists element by element with equal length, numbers by value),
 * and (2) our field manager already applied and owns no field we have stopped applying — otherwise
 * the apply would remove that field, so skipping it would leave the field behind.
 */
public final class ApplyDiff {

  /** Metadata the server sets; never part of what we apply. */
  private static final List<String> SERVER_METADATA = List.of("resourceVersion", "uid",
      "creationTimestamp", "generation", "managedFields", "selfLink", "deletionTimestamp",
      "deletionGracePeriodSeconds");

  private ApplyDiff() {}

  /** The apply body: the desired object without server metadata or status (a subresource). */
  public static ObjectNode applyBody(JsonNode desired) {
    ObjectNode body = desired.deepCopy();
    body.remove("status");
    if (body.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove(SERVER_METADATA);
    }
    return body;
  }

  public static boolean upToDate(ObjectNode body, JsonNode live, String fieldManager) {
    if (live == null || !containsSubset(live, body)) {
      return false;
    }
    JsonNode owned = ownedFields(live, fieldManager);
    return owned != null && coveredBy(owned, body);
  }

  /** True when every field in {@code subset} is present with the same value in {@code whole}. */
  static boolean containsSubset(JsonNode whole, JsonNode subset) {
    if (subset == null || subset.isNull()) {
      return true;
    }
    if (isEmptyContainer(subset)) {
      return whole == null || whole.isNull() || whole.isContainerNode();
    }
    if (whole == null || whole.isNull()) {
      return false;
    }
    if (subset.isObject()) {
      if (!whole.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = subset.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!containsSubset(whole.get(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (subset.isArray()) {
      if (!whole.isArray() || whole.size() != subset.size()) {
        return false;
      }
      for (int i = 0; i < subset.size(); i++) {
        if (!containsSubset(whole.get(i), subset.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (subset.isNumber() && whole.isNumber()) {
      return subset.decimalValue().compareTo(whole.decimalValue()) == 0;
    }
    return subset.equals(whole);
  }

  /** The fieldsV1 set of our last apply to the main resource, or null if we never applied. */
  static JsonNode ownedFields(JsonNode live, String fieldManager) {
    for (JsonNode entry : live.path("metadata").path("managedFields")) {
      boolean ours = fieldManager.equals(entry.path("manager").asText())
          && "Apply".equals(entry.path("operation").asText())
          && entry.path("subresource").asText("").isEmpty();
      if (ours) {
        return entry.path("fieldsV1");
      }
    }
    return null;
  }

  /**
   * True when every map field in the owned set is still in {@code body}. List elements
   * ({@code k:}, {@code v:}, {@code i:} keys) are left to the length-sensitive subset compare.
   */
  static boolean coveredBy(JsonNode owned, JsonNode body) {
    for (Iterator<Map.Entry<String, JsonNode>> it = owned.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getKey().startsWith("f:")) {
        continue;
      }
      JsonNode applied = body == null ? null : body.get(field.getKey().substring(2));
      if (applied == null || applied.isNull()) {
        return false;
      }
      if (applied.isObject() && !coveredBy(field.getValue(), applied)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEmptyContainer(JsonNode node) {
    return node.isContainerNode() && node.isEmpty();
  }
}
