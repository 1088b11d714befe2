package io.dpf.e2e;

import io.dpf.api.ApiTypes;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.cli.Describe;
import io.dpf.cli.tree.Scope;
import io.dpf.cli.tree.TreeOptions;
import io.dpf.testkit.HelmChartRepository;
import io.dpf.testkit.SeedPrerequisites;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The user's demo script (shared/seeds/000_d664e7763ea2bcdb.txt) on local clusters: prerequisites,
 * the operator, the seed's DPFOperatorConfig applied verbatim, and the seed's {@code watch kubectl get
 * pods,dpuservices,applications} shown as it changes until the config is Ready.
 */
final class Demo {

  static final String SEED = "/seed/dpfoperatorconfig.yaml";
  static final String NAMESPACE = SeedPrerequisites.NAMESPACE;

  private final LocalEnvironment env;
  private final PrintStream out;
  private DemoManagers managers;
  private DemoArgoCd argoCd;
  /** The chart repository of the operator-deployed Argo CD, or null. */
  private HelmChartRepository operatorArgoCdCharts;

  Demo(LocalEnvironment env, PrintStream out) {
    this.env = env;
    this.out = out;
  }

  /** Prerequisites as the seed lists them: CRDs (the operator bundle's job), namespace, PVC, pull secret. */
  void installPrerequisites() {
    env.host().installCrds(ApiTypes.all().stream()
        .filter(kind -> !ApiTypes.DPU_CLUSTER_KINDS.contains(kind))
        .filter(kind -> !kind.getPackageName().contains(".argocd.")) // the operator installs Argo CD
        .map(ApiTypes::crd).toList());
    SeedPrerequisites.create(env.host());
  }

  /**
   * The seed's first step, for real: {@code helm install} of the operator chart with the images the
   * build made (imported into the host's real node), then the seed's {@code kubectl get pods} once
   * the operator pod is Ready. The operator pod then deploys the other managers as pods. Argo CD is
   * the user's (the real one, as local processes), so the chart is told not to deploy its own; or,
   * with {@code operatorArgoCd}, the operator deploys Argo CD as pods from {@code charts/argocd}.
   */
  void installOperatorWithHelm(boolean operatorArgoCd) {
    SeedPrerequisites.create(env.host());
    InstalledOperator.loadImages(env.host().realNode().orElseThrow(), out);
    String chartRef;
    if (operatorArgoCd) {
      operatorArgoCdCharts = OperatorArgoCd.prepare(env, out);
      chartRef = DemoArgoCd.chartRef(operatorArgoCdCharts);
    } else {
      argoCd = DemoArgoCd.start(env.host(), NAMESPACE);
      chartRef = argoCd.chartRef();
    }
    out.println("$ helm install dpf-operator " + InstalledOperator.chart().map(p -> p.getFileName().toString())
        .orElse("dpf-operator.tgz") + " -n " + NAMESPACE + " --create-namespace --set argoCD.deploy=" + operatorArgoCd);
    out.print(InstalledOperator.helmInstall(env, operatorArgoCd, chartRef));
    InstalledOperator.awaitPodsReady(env.host().client(), 1);
    out.println("$ kubectl -n " + NAMESPACE + " get pods");
    out.println(new ClusterView(env.host().client(), NAMESPACE).pods());
    DemoManagers.registerDpuCluster(env.host().client(), LocalEnvironment.DPU_CLUSTER, LocalEnvironment.DPU_CLUSTER,
        env.dpu().client().getKubernetesVersion().getGitVersion());
  }

  /** Argo CD, the DPF operator and the DPUService manager, with the tenant registered as a DPUCluster. */
  void startManagers() {
    DemoManagers.registerDpuCluster(env.host().client(), LocalEnvironment.DPU_CLUSTER, LocalEnvironment.DPU_CLUSTER,
        env.dpu().client().getKubernetesVersion().getGitVersion());
    argoCd = DemoArgoCd.start(env.host(), NAMESPACE);
    managers = DemoManagers.start(env.host().client(), argoCd.chartRef());
  }

  /** The real Argo CD of the demo (null before {@link #startManagers}). */
  DemoArgoCd argoCd() {
    return argoCd;
  }

  void applySeedConfig() {
    out.println("$ cat <<EOF | kubectl apply -f -   # the seed's DPFOperatorConfig, verbatim");
    try (InputStream seed = Demo.class.getResourceAsStream(SEED)) {
      env.host().client().load(seed).items().forEach(o -> env.host().client().resource(o).fieldManager("kubectl")
          .forceConflicts().serverSideApply());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Shows the seed's watch until the config is Ready; false on timeout. */
  boolean watchUntilReady(Duration timeout) {
    return watch(timeout, () -> readyCondition().map(c -> "True".equals(c.getStatus())).orElse(false));
  }

  /**
   * {@code kubectl dpf describe all}: the whole tree once Ready; when not Ready, only what is not
   * healthy, down to the Applications' workloads and Pods, so the reason is on screen.
   */
  void describe(boolean ready) {
    out.println();
    out.println("$ kubectl dpf describe all" + (ready ? "" : " --issues --expand-resources"));
    out.print(new Describe(Scope.ALL, !ready, new TreeOptions(List.of(), !ready, true)).table(env.host().client()));
  }

  /** The seed's last look: the system components Argo CD deployed into the DPU cluster. */
  void showDpuCluster() {
    out.println();
    out.println("$ kubectl --kubeconfig <" + LocalEnvironment.DPU_CLUSTER + " admin.conf> get -n " + NAMESPACE
        + " deployments,daemonsets");
    out.println(new ClusterView(env.dpu().client(), NAMESPACE).workloads());
  }

  /** The seed's clean-up: delete the config and watch everything go but the operator (helm installed it). */
  boolean cleanUp(Duration timeout) {
    out.println("$ kubectl delete -n " + NAMESPACE + " dpfoperatorconfig --all --wait=false");
    env.host().client().resources(DPFOperatorConfig.class).inNamespace(NAMESPACE).delete();
    return watch(timeout, () -> env.host().client().resources(DPFOperatorConfig.class).inNamespace(NAMESPACE)
        .list().getItems().isEmpty() && env.host().client().pods().inNamespace(NAMESPACE).list().getItems().stream()
        .allMatch(InstalledOperator::isOperatorPod));
  }

  private DPFOperatorConfig config() {
    return env.host().client().resources(DPFOperatorConfig.class).inNamespace(NAMESPACE)
        .withName("dpfoperatorconfig").get();
  }

  Optional<Condition> readyCondition() {
    DPFOperatorConfig config = config();
    if (config == null || config.getStatus() == null || config.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return config.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
  }

  void stop() {
    if (managers != null) {
      managers.close();
    }
    if (argoCd != null) {
      argoCd.close();
    }
    if (operatorArgoCdCharts != null) {
      operatorArgoCdCharts.close();
    }
  }

  private boolean watch(Duration timeout, BooleanSupplier done) {
    KubernetesClient client = env.host().client();
    ClusterView view = new ClusterView(client, NAMESPACE);
    Instant deadline = Instant.now().plus(timeout);
    String shown = null;
    while (Instant.now().isBefore(deadline)) {
      String now = view.render() + "\n\n" + configLine();
      if (!now.equals(shown)) {
        out.println();
        out.println("Every 1s: kubectl get -n " + NAMESPACE + " pods,dpuservices,applications,dpfoperatorconfig"
            + "    " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
        out.println();
        out.println(now);
        shown = now;
      }
      if (done.getAsBoolean()) {
        return true;
      }
      sleep();
    }
    return false;
  }

  private String configLine() {
    return readyCondition().map(c -> String.format("%-45s READY=%-6s PHASE=%s%n  %s",
            "dpfoperatorconfig.operator.dpu.nvidia.com/dpfoperatorconfig", c.getStatus(), c.getReason(),
            notReadyDetail()))
        .orElse(config() == null ? "No dpfoperatorconfig found in " + NAMESPACE + "."
            : "dpfoperatorconfig.operator.dpu.nvidia.com/dpfoperatorconfig (no status yet)");
  }

  private String notReadyDetail() {
    DPFOperatorConfig config = config();
    if (config == null || config.getStatus() == null) {
      return "";
    }
    List<String> messages = config.getStatus().getConditions().stream()
        .filter(c -> !"True".equals(c.getStatus()) && !"Ready".equals(c.getType()))
        .map(c -> c.getType() + ": " + c.getMessage()).toList();
    return String.join("\n  ", messages);
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
