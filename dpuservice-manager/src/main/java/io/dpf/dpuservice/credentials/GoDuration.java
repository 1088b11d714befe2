package io.dpf.dpuservice.credentials;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration strings ("10m", "1h30m", "1.5h"), which DPF's API uses for token lifetimes. */
final class GoDuration {

  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  static Duration parse(String text) {
    Matcher matcher = PART.matcher(text);
    long nanos = 0;
    int end = 0;
    while (matcher.find()) {
      if (matcher.start() != end) {
        break;
      }
      end = matcher.end();
      BigDecimal amount = new BigDecimal(matcher.group(1));
      long unit = switch (matcher.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      nanos += amount.multiply(BigDecimal.valueOf(unit)).longValue();
    }
    if (end == 0 || end != text.length()) {
      throw new IllegalArgumentException("not a Go duration: " + text);
    }
    return Duration.ofNanos(nanos);
  }
}
