package io.dpf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kubectl dpf}: the DPF command line. */
@Command(name = "kubectl-dpf", mixinStandardHelpOptions = true, version = DpfCli.VERSION,
    description = "DPF for Java from the command line. As a kubectl plugin: kubectl dpf describe all.")
public final class DpfCli {

  static final String VERSION = "kubectl-dpf (DPF for Java) 0.1.0";

  public static void main(String[] args) {
    // Before the first logger: a resource of our own name, so a program embedding this module keeps its logback.xml.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dpf-cli-logback.xml");
    }
    System.exit(commandLine(CliEnvironment.system(), null).execute(args));
  }

  /** The command line with its subcommands; {@code defaultKubeconfig} as for {@link DescribeCommand}. */
  public static CommandLine commandLine(CliEnvironment environment, Path defaultKubeconfig) {
    CommandLine commandLine = new CommandLine(new DpfCli());
    commandLine.addSubcommand("describe", new DescribeCommand(environment, defaultKubeconfig, ""));
    commandLine.setOut(new PrintWriter(environment.out(), true));
    commandLine.setErr(new PrintWriter(environment.err(), true));
    commandLine.setExecutionExceptionHandler(BAD_INPUT);
    return commandLine;
  }

  /** Bad input (an unknown WHAT, a missing kubeconfig) is one line on stderr and exit code 2, not a stack trace. */
  public static final CommandLine.IExecutionExceptionHandler BAD_INPUT = (e, cmd, parsed) -> {
    if (e instanceof IllegalArgumentException) {
      cmd.getErr().println(cmd.getCommandName() + ": " + e.getMessage());
      return 2;
    }
    throw e;
  };
}
