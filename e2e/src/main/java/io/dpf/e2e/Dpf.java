package io.dpf.e2e;

import io.dpf.cli.CliEnvironment;
import io.dpf.cli.DescribeCommand;
import io.dpf.cli.DpfCli;
import io.dpf.testkit.ClusterProvider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ./dpf} command line. */
@Command(name = "dpf", mixinStandardHelpOptions = true, subcommands = {Dpf.Up.class, Dpf.DemoCommand.class, Dpf.Down.class},
    description = {"DPF for Java: local environment and demo.",
        "describe: kubectl dpf describe against the local host cluster (see describe --help)."})
public final class Dpf {

  static final String FIRST_RUN = "(the first run builds Kubernetes from source: allow 10-30 minutes)";

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new Dpf());
    // kubectl dpf describe, against the local host cluster that up/demo wrote to .dpf/ (--kubeconfig for another).
    commandLine.addSubcommand("describe", new DescribeCommand(CliEnvironment.system(), Path.of(".dpf",
        "host.kubeconfig"), "start the local clusters first: ./dpf up --keep, or ./dpf demo --keep"));
    commandLine.setExecutionExceptionHandler(DpfCli.BAD_INPUT);
    System.exit(commandLine.execute(args));
  }

  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Start a local host cluster and a DPU cluster (dpu-cplane-tenant1) and keep them running.")
  static final class Up implements Callable<Integer> {

    @Option(names = "--state-dir", defaultValue = ".dpf",
        description = "Where kubeconfigs and the kubectl link are written (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--exit", description = "Stop again once everything is up (a smoke check).")
    boolean exitWhenUp;

    @Option(names = "--keep", description = "Leave the clusters running after Ctrl-C; `./dpf down` stops them.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
      PrintStream out = System.out;
      out.println("Starting the local host cluster and DPU cluster " + FIRST_RUN + "...");
      ClusterProvider provider = ClusterProvider.fromSystemProperties();
      try (LocalEnvironment env = LocalEnvironment.start(provider)) {
        StateDirectory state = StateDirectory.write(stateDir, env);
        out.println();
        out.println("Up: " + provider.description());
        out.println("  host cluster:  " + env.host().client().getMasterUrl());
        out.println("  DPU cluster:   " + env.dpu().client().getMasterUrl()
            + "  (registered as Secret " + LocalEnvironment.DPU_CLUSTER + "/"
            + LocalEnvironment.DPU_CLUSTER + "-admin-kubeconfig, key admin.conf)");
        out.println();
        out.println("In another terminal:");
        out.println("  " + state.exportLine());
        out.println("  kubectl get nodes");
        out.println("  kubectl get secrets -n " + LocalEnvironment.DPU_CLUSTER);
        out.println("  kubectl --kubeconfig " + state.dpuKubeconfig() + " get nodes");
        out.println();
        if (keep) {
          env.keepRunning(state.dir());
        }
        if (!exitWhenUp) {
          out.println(keep ? "Press Ctrl-C to leave; the clusters keep running until `./dpf down`."
              : "Press Ctrl-C to stop both clusters.");
          new CountDownLatch(1).await();
        }
        return 0;
      }
    }
  }

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = "Run the seed's DPF operator demo on local clusters: apply its DPFOperatorConfig and watch it become Ready.")
  static final class DemoCommand implements Callable<Integer> {

    @Option(names = "--state-dir", defaultValue = ".dpf",
        description = "Where kubeconfigs and the kubectl link are written (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--timeout", defaultValue = "PT10M",
        description = "How long to wait for Ready (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--cleanup", description = "After Ready, run the seed's clean-up (delete the config, watch "
        + "everything go) and exit instead of waiting for Ctrl-C.")
    boolean cleanup;

    @Option(names = "--keep", description = "On Ctrl-C stop the managers but leave the clusters running for "
        + "kubectl; `./dpf down` stops them.")
    boolean keep;

    @Option(names = "--in-process", description = "Run the DPF managers in this process on simulated nodes even "
        + "where the operator could run as a pod from its image on a real node (root, runc, built images).")
    boolean inProcess;

    @Option(names = "--local-argocd", description = "On the real node, install the operator with "
        + "argoCD.deploy=false and run the real Argo CD as local processes (Argo CD as the user's own, as in DPF "
        + "since v25.7), instead of the Argo CD the operator deploys as pods (charts/argocd).")
    boolean localArgoCd;

    @Override
    public Integer call() throws Exception {
      PrintStream out = System.out;
      out.println("Starting the local host cluster and DPU cluster " + FIRST_RUN + "...");
      String notFromImages = inProcess ? "--in-process was given" : InstalledOperator.demoUnavailableReason();
      if (notFromImages != null) {
        out.println("The DPF managers run in this process, not as pods from their images: " + notFromImages);
      }
      try (LocalEnvironment env = notFromImages == null ? LocalEnvironment.startWithRealNode()
          : LocalEnvironment.start(ClusterProvider.fromSystemProperties())) {
        StateDirectory state = StateDirectory.write(stateDir, env);
        Demo demo = new Demo(env, out);
        try {
          if (notFromImages == null) {
            demo.installOperatorWithHelm(!localArgoCd);
          } else {
            demo.installPrerequisites();
            demo.startManagers();
          }
          demo.applySeedConfig();
          boolean ready = demo.watchUntilReady(timeout);
          demo.describe(ready);
          out.println();
          out.println(ready ? "DPFOperatorConfig is Ready." : "DPFOperatorConfig is not Ready after " + timeout
              + "; the conditions above say what it waits for.");
          demo.showDpuCluster();
          printLookAround(out, state);
          if (cleanup) {
            boolean gone = demo.cleanUp(timeout);
            out.println(gone ? "Everything the operator deployed is gone." : "Clean-up did not finish in " + timeout);
            return ready && gone ? 0 : 1;
          }
          if (keep) {
            env.keepRunning(state.dir());
          }
          out.println(keep ? "Press Ctrl-C to stop the managers; the clusters keep running until `./dpf down`."
              : "Press Ctrl-C to stop.");
          new CountDownLatch(1).await();
          return ready ? 0 : 1;
        } finally {
          demo.stop();
        }
      }
    }

    private static void printLookAround(PrintStream out, StateDirectory state) {
      String dpuConf = state.dir().resolve("dpu.conf").toString();
      out.println();
      out.println("Look around, as the seed does (in another terminal):");
      out.println("  " + state.exportLine());
      out.println("  kubectl get -n " + Demo.NAMESPACE + " dpfoperatorconfig");
      out.println("  kubectl get -n " + Demo.NAMESPACE + " pods,dpuservices,applications");
      out.println("  kubectl get secrets -n " + LocalEnvironment.DPU_CLUSTER + " " + LocalEnvironment.DPU_CLUSTER
          + "-admin-kubeconfig -o jsonpath='{.data.admin\\.conf}' | base64 --decode > " + dpuConf);
      out.println("  kubectl get dpuservices -A");
      out.println("  kubectl --kubeconfig " + dpuConf + " get -n " + Demo.NAMESPACE + " deployments");
      out.println("  kubectl --kubeconfig " + dpuConf + " get -n " + Demo.NAMESPACE + " daemonsets");
      out.println();
    }
  }

  @Command(name = "down", mixinStandardHelpOptions = true,
      description = "Stop the clusters that `up --keep` or `demo --keep` left running.")
  static final class Down implements Callable<Integer> {

    @Option(names = "--state-dir", defaultValue = ".dpf",
        description = "Where up/demo wrote their state (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Override
    public Integer call() throws Exception {
      int stopped = KeptClusters.stop(stateDir);
      System.out.println(stopped == 0 ? "No kept clusters to stop." : "Stopped " + stopped + " processes.");
      return 0;
    }
  }
}
