package io.dpf.operator.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which fields of a sent object the server did not store as sent: every field sent must be in the
 * live object with the same value (the server may add defaults, status and metadata).
 */
final class JsonSubset {

  private JsonSubset() {}

  static List<String> missing(JsonNode sent, JsonNode live) {
    List<String> missing = new ArrayList<>();
    collect("", sent, live, missing);
    return missing;
  }

  private static void collect(String path, JsonNode sent, JsonNode live, List<String> missing) {
    if (live == null || live.isMissingNode() || live.isNull()) {
      if (!sent.isNull() && !(sent.isContainerNode() && sent.isEmpty())) {
        missing.add(path + " = " + sent);
      }
    } else if (sent.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = sent.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(path + "/" + field.getKey(), field.getValue(), live.get(field.getKey()), missing);
      }
    } else if (sent.isArray()) {
      if (!live.isArray() || live.size() != sent.size()) {
        missing.add(path + " = " + sent + " (stored " + live + ")");
        return;
      }
      for (int i = 0; i < sent.size(); i++) {
        collect(path + "/" + i, sent.get(i), live.get(i), missing);
      }
    } else if (!sent.asText().equals(live.asText())) {
      missing.add(path + " = " + sent + " (stored " + live + ")");
    }
  }
}
