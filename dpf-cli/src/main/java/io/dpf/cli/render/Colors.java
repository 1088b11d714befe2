package io.dpf.cli.render;

import io.dpf.cli.tree.Health;
import java.util.Locale;
import java.util.Map;

/** ANSI colours for the STATUS and REASON columns, or none. */
public final class Colors {

  private static final String RESET = "\u001b[0m";
  private static final Map<Health, String> CODES = Map.of(Health.OK, "\u001b[32m", Health.PENDING, "\u001b[33m",
      Health.FAILED, "\u001b[31m");

  private final boolean enabled;

  private Colors(boolean enabled) {
    this.enabled = enabled;
  }

  public static Colors none() {
    return new Colors(false);
  }

  public static Colors ansi() {
    return new Colors(true);
  }

  /**
   * {@code auto} colours a terminal; {@code always} and {@code never} say so. A non-empty
   * {@code NO_COLOR} (https://no-color.org) wins over everything, as in dpfctl.
   */
  public static Colors choose(String mode, String noColorEnv, boolean terminal) {
    if (noColorEnv != null && !noColorEnv.isEmpty()) {
      return none();
    }
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "always" -> ansi();
      case "never" -> none();
      case "auto" -> terminal ? ansi() : none();
      default -> throw new IllegalArgumentException("--color must be auto, always or never, not " + mode);
    };
  }

  public boolean enabled() {
    return enabled;
  }

  String paint(Health health, String text) {
    String code = CODES.get(health);
    return !enabled || code == null || text.isBlank() ? text : code + text + RESET;
  }
}
