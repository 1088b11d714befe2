package io.dpf.provisioning;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of Prometheus text format, as a scraper would see the manager's /metrics. */
public final class MetricsText {

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String text;

  public MetricsText(String text) {
    this.text = text;
  }

  /** The value of the one sample named {@code name} whose labels include {@code labels}; empty if there is none. */
  public OptionalDouble value(String name, Map<String, String> labels) {
    OptionalDouble found = OptionalDouble.empty();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.strip());
      if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
        continue;
      }
      if (labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
        if (found.isPresent()) {
          throw new AssertionError("more than one sample of " + name + " with " + labels + " in\n" + text);
        }
        found = OptionalDouble.of(Double.parseDouble(sample.group(3)));
      }
    }
    return found;
  }

  public double valueOf(String name, Map<String, String> labels) {
    return value(name, labels).orElseThrow(() -> new AssertionError("no sample " + name + labels + " in\n" + text));
  }

  private static Map<String, String> labels(String text) {
    Map<String, String> labels = new HashMap<>();
    if (text != null) {
      Matcher label = LABEL.matcher(text);
      while (label.find()) {
        labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
    }
    return labels;
  }

  @Override
  public String toString() {
    return text;
  }
}
