package io.dpf.testkit.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a manager's reads go: {@code GET <path>?<query>} lines (as {@link io.dpf.testkit.WriteCounter}
 * records them) grouped by what they ask for, namespaces and names left out, most frequent first.
 * A GET of one object and a LIST of a kind are told apart; a label selector is kept, it says which list.
 */
public final class ReadProfile {

  private static final Pattern NAMESPACE = Pattern.compile("/namespaces/[^/]+/");
  private static final Pattern QUERY_LABELS = Pattern.compile(".*[?&]labelSelector=([^&]*).*");

  private ReadProfile() {}

  /** Kind of read → how many, most first. */
  public static Map<String, Long> of(List<String> reads) {
    return reads.stream().map(ReadProfile::shape)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
        .entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** {@code GET /api/v1/namespaces/x/secrets/y} → {@code GET secrets}; a list → {@code LIST secrets [labels]}. */
  static String shape(String read) {
    String request = read.startsWith("GET ") ? read.substring(4) : read;
    int queryAt = request.indexOf('?');
    String path = queryAt < 0 ? request : request.substring(0, queryAt);
    String query = queryAt < 0 ? "" : request.substring(queryAt);
    String[] parts = NAMESPACE.matcher(path).replaceFirst("/").split("/");
    // /api/v1/<resource>[/<name>] or /apis/<group>/<version>/<resource>[/<name>]
    int resourceAt = path.startsWith("/apis/") ? 4 : 3;
    if (parts.length <= resourceAt) {
      return "GET " + path;
    }
    String resource = parts[resourceAt];
    boolean one = parts.length > resourceAt + 1;
    String labels = QUERY_LABELS.matcher(query).matches()
        ? " [" + URLDecoder.decode(QUERY_LABELS.matcher(query).replaceFirst("$1"),
            StandardCharsets.UTF_8) + "]"
        : "";
    return (one ? "GET " + resource + (parts.length > resourceAt + 2 ? "/" + parts[resourceAt + 2] : "") : "LIST " + resource)
        + labels;
  }
}
