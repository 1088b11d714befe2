package io.dpf.cli;

import io.dpf.cli.read.ClientFactory;
import java.io.PrintStream;
import java.time.Clock;

/**
 * What the command takes from the world: output streams, whether stdout is a terminal, NO_COLOR,
 * the clock and how clients are made. Tests pass their own.
 */
public record CliEnvironment(PrintStream out, PrintStream err, boolean terminal, String noColor, Clock clock,
    ClientFactory clients) {

  public static CliEnvironment system() {
    return new CliEnvironment(System.out, System.err, System.console() != null, System.getenv("NO_COLOR"),
        Clock.systemUTC(), ClientFactory.standard());
  }
}
