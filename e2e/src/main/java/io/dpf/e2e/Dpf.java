package io.dpf.e2e;

import io.dpf.testkit.ClusterProvider;
import io.dpf.testkit.EnvtestBinaries;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code ./dpf} command line. */
@Command(name = "dpf", mixinStandardHelpOptions = true, subcommands = Dpf.Up.class,
    description = "DPF for Java: local environment and demo.")
public final class Dpf {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Dpf()).execute(args));
  }

  @Command(name = "up", mixinStandardHelpOptions = true,
      description = "Start a local host cluster and a DPU cluster (dpu-cplane-tenant1) and keep them running.")
  static final class Up implements Callable<Integer> {

    @Option(names = "--state-dir", defaultValue = ".dpf",
        description = "Where kubeconfigs and the kubectl link are written (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--exit", description = "Stop again once everything is up (a smoke check).")
    boolean exitWhenUp;

    @Override
    public Integer call() throws Exception {
      PrintStream out = System.out;
      out.println("Starting the local host cluster and DPU cluster (first run builds Kubernetes from source: "
          + "allow 20-40 minutes)...");
      ClusterProvider provider = ClusterProvider.fromSystemProperties();
      try (LocalEnvironment env = LocalEnvironment.start(provider)) {
        Path dir = Files.createDirectories(stateDir).toAbsolutePath();
        Path hostConf = dir.resolve("host.kubeconfig");
        Path dpuConf = dir.resolve(LocalEnvironment.DPU_CLUSTER + ".kubeconfig");
        Files.writeString(hostConf, env.host().kubeconfigYaml());
        Files.writeString(dpuConf, env.dpu().kubeconfigYaml());
        Path kubectl = linkKubectl(dir);
        out.println();
        out.println("Up: " + provider.description());
        out.println("  host cluster:  " + env.host().client().getMasterUrl());
        out.println("  DPU cluster:   " + env.dpu().client().getMasterUrl()
            + "  (registered as Secret " + LocalEnvironment.DPU_CLUSTER + "/"
            + LocalEnvironment.DPU_CLUSTER + "-admin-kubeconfig, key admin.conf)");
        out.println();
        out.println("In another terminal:");
        out.println("  export PATH=" + kubectl.getParent() + ":$PATH KUBECONFIG=" + hostConf);
        out.println("  kubectl get nodes");
        out.println("  kubectl get secrets -n " + LocalEnvironment.DPU_CLUSTER);
        out.println("  kubectl --kubeconfig " + dpuConf + " get namespaces");
        out.println();
        if (exitWhenUp) {
          return 0;
        }
        out.println("Press Ctrl-C to stop both clusters.");
        new CountDownLatch(1).await();
        return 0;
      }
    }

    private Path linkKubectl(Path dir) throws IOException {
      Path bin = Files.createDirectories(dir.resolve("bin"));
      Path link = bin.resolve("kubectl");
      Files.deleteIfExists(link);
      Path kubectl = EnvtestBinaries.directory().resolve("kubectl");
      if (Files.exists(kubectl)) {
        Files.createSymbolicLink(link, kubectl);
      }
      return link;
    }
  }
}
