package io.dpf.cli.render;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The SINCE column: how long ago a status last changed. */
@FunctionalInterface
public interface Since {

  String format(Instant changed);

  /** kubectl's short human durations ({@code 45s}, {@code 5m12s}, {@code 23h}, {@code 4d20h}), relative to the clock. */
  static Since relativeTo(Clock clock) {
    return changed -> changed == null ? "" : human(Duration.between(changed, clock.instant()));
  }

  static String human(Duration elapsed) {
    long seconds = Math.max(0, elapsed.getSeconds());
    long minutes = seconds / 60;
    long hours = minutes / 60;
    long days = hours / 24;
    if (seconds < 120) {
      return seconds + "s";
    }
    if (minutes < 10) {
      return minutes + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    if (hours < 8) {
      return hours + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      return days + "d" + (hours % 24 == 0 ? "" : hours % 24 + "h");
    }
    if (days < 365 * 2) {
      return days + "d";
    }
    long years = days / 365;
    return years < 8 ? years + "y" + (days % 365 == 0 ? "" : days % 365 + "d") : years + "y";
  }
}
