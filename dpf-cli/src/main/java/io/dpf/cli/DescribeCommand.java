package io.dpf.cli;

import io.dpf.cli.read.ClusterReader.HostUnreachableException;
import io.dpf.cli.render.Colors;
import io.dpf.cli.render.Since;
import io.dpf.cli.tree.Scope;
import io.dpf.cli.tree.TreeOptions;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code describe all|dpuclusters|dpudeployments|dpuservices|dpusets}: the status tree. */
@Command(name = "describe", mixinStandardHelpOptions = true, version = DpfCli.VERSION,
    description = {"Show the DPF objects as a tree with the status, reason and message of each, from the "
        + "DPFOperatorConfig down to DPUs, DPUServices and their Argo CD Applications.",
        "Reads each kind once from the host cluster, and each DPU cluster through its DPUCluster's kubeconfig "
            + "Secret (key admin.conf)."})
public final class DescribeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "WHAT", completionCandidates = Targets.class,
      description = "What to describe: ${COMPLETION-CANDIDATES}.")
  String what;

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Kubeconfig of the host cluster (default: $KUBECONFIG, then ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", description = "Kubeconfig context to use (default: the current one).")
  String context;

  @Option(names = "--show-conditions", split = ",", paramLabel = "KIND[/NAME]|all",
      description = "Also list every condition of these objects: a kind (DPUService), a kind and name "
          + "(DPU/dpu-node-1), or all. Repeatable or comma-separated.")
  List<String> showConditions = List.of();

  @Option(names = "--expand-resources", arity = "0..1", fallbackValue = "dpuservice", paramLabel = "dpuservice",
      description = "Under each DPUService, its Argo CD Application per DPU cluster and the workloads it put "
          + "there, with their Pods that are not ready.")
  String expandResources;

  @Option(names = "--grouping", arity = "0..1", defaultValue = "true", fallbackValue = "true",
      description = "Fold healthy objects of one kind and status into one row, \"N DPUs... See a, b\" "
          + "(default: ${DEFAULT-VALUE}; --grouping=false lists each).")
  boolean grouping;

  @Option(names = "--issues", description = "Show only what is not healthy, and the rows that lead to it.")
  boolean issues;

  @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "table|json|yaml",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = {"-c", "--color"}, arity = "0..1", defaultValue = "auto", fallbackValue = "always",
      paramLabel = "auto|always|never",
      description = "Colour the status columns (default: ${DEFAULT-VALUE}: only on a terminal). NO_COLOR wins.")
  String color;

  private final CliEnvironment environment;
  private final Path defaultKubeconfig;
  private final String whenDefaultIsMissing;

  /**
   * @param defaultKubeconfig the kubeconfig used when --kubeconfig is not given, or null for
   *     kubectl's rules ($KUBECONFIG, ~/.kube/config, in-cluster)
   * @param whenDefaultIsMissing what to tell a user whose default kubeconfig does not exist
   */
  public DescribeCommand(CliEnvironment environment, Path defaultKubeconfig, String whenDefaultIsMissing) {
    this.environment = environment;
    this.defaultKubeconfig = defaultKubeconfig;
    this.whenDefaultIsMissing = whenDefaultIsMissing;
  }

  /** The WHAT values. */
  static final class Targets extends ArrayList<String> {
    Targets() {
      super(List.of("all", "dpuclusters", "dpudeployments", "dpuservices", "dpusets"));
    }
  }

  @Override
  public Integer call() throws IOException {
    Scope scope = scope(what);
    Describe.Output format = switch (output.toLowerCase(Locale.ROOT)) {
      case "table" -> Describe.Output.TABLE;
      case "json" -> Describe.Output.JSON;
      case "yaml" -> Describe.Output.YAML;
      default -> throw new IllegalArgumentException("-o must be table, json or yaml, not " + output);
    };
    if (expandResources != null && !expandResources.toLowerCase(Locale.ROOT).startsWith("dpuservice")) {
      throw new IllegalArgumentException("--expand-resources applies to dpuservice only, not " + expandResources);
    }
    Colors colors = Colors.choose(color, environment.noColor(), environment.terminal());
    Describe describe = new Describe(scope, expandResources != null, new TreeOptions(showConditions, issues, grouping));
    try (KubernetesClient host = environment.clients().create(hostConfig())) {
      environment.out().print(Describe.render(describe.tree(host, environment.clients()), format,
          Since.relativeTo(environment.clock()), colors));
      environment.out().flush();
      return 0;
    } catch (HostUnreachableException e) {
      environment.err().println("describe: " + e.getMessage());
      return 1;
    }
  }

  static Scope scope(String what) {
    return switch (what.toLowerCase(Locale.ROOT)) {
      case "all" -> Scope.ALL;
      case "dpuclusters", "dpucluster" -> Scope.DPU_CLUSTERS;
      case "dpudeployments", "dpudeployment" -> Scope.DPU_DEPLOYMENTS;
      case "dpuservices", "dpuservice" -> Scope.DPU_SERVICES;
      case "dpusets", "dpuset" -> Scope.DPU_SETS;
      default -> throw new IllegalArgumentException("cannot describe '" + what
          + "': use all, dpuclusters, dpudeployments, dpuservices or dpusets");
    };
  }

  private Config hostConfig() throws IOException {
    Path file = kubeconfig != null ? kubeconfig : defaultKubeconfig;
    Config config;
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("kubeconfig " + file + " does not exist"
            + (kubeconfig == null && !whenDefaultIsMissing.isEmpty() ? " (" + whenDefaultIsMissing + ")" : ""));
      }
      config = Config.fromKubeconfig(context, Files.readString(file), file.toAbsolutePath().toString());
    } else {
      config = Config.autoConfigure(context);
    }
    // One quick retry at most: an unreachable host should say so in seconds, not back off for a minute.
    return new ConfigBuilder(config).withRequestRetryBackoffLimit(1).build();
  }
}
