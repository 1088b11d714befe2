package io.dpf.runtime.manager;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Runs a manager's picocli command the same way for every manager: {@code --help} and
 * {@code --version} print and exit 0, a bad flag prints why and the usage and exits 2, anything
 * else runs until the manager stops.
 */
public final class ManagerCommand {

  private ManagerCommand() {}

  public static void run(Callable<Integer> command, String[] args) {
    int exit = commandLine(command).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /** The parser, e.g. for the flag tables in the READMEs. */
  public static CommandLine commandLine(Object command) {
    return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
