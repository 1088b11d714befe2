package io.dpf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.api.conditions.Conditions;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.testkit.HelmChartRepository;
import io.dpf.testkit.SeedPrerequisites;
import io.dpf.testkit.node.ArgoCdImages;
import io.dpf.testkit.node.RealNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Argo CD the operator deploys (issue 11 §2), on the host cluster's real kubelet node: the
 * operator chart goes on with {@code helm install} and {@code argoCD.deploy=true}, the operator pod
 * renders {@code charts/argocd}, and Argo CD's controller, repo-server and Redis run as pods from
 * images of the names that chart gives (built from the envtest binaries by {@link ArgoCdImages}).
 * That Argo CD, not local processes, pulls the {@code dpu-networking} chart from an HTTPS
 * repository on the host cluster's anchor address (its CA in {@code argocd-tls-certs-cm}) and syncs
 * the seed's system DPUServices into the DPU cluster, whose API server is on an anchor address too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorArgoCdE2E {

  private static final String NS = LocalEnvironment.OPERATOR_NAMESPACE;
  private static final Duration READY = Duration.ofMinutes(8);
  private static final List<String> ARGOCD_WORKLOADS =
      List.of("argocd-application-controller", "argocd-repo-server", "argocd-redis");

  private LocalEnvironment env;
  private HelmChartRepository charts;
  private KubernetesClient host;
  private RealNode node;

  @BeforeAll
  void installTheOperatorWithItsArgoCd() {
    String reason = InstalledOperator.unavailableReason();
    assumeTrue(reason == null, () -> "the operator's Argo CD as pods: " + reason);
    env = LocalEnvironment.startWithRealNode();
    host = env.host().client();
    node = env.host().realNode().orElseThrow();
    InstalledOperator.loadImages(node, System.out);
    SeedPrerequisites.create(env.host());
    charts = OperatorArgoCd.prepare(env, System.out);

    Instant installed = Instant.now();
    InstalledOperator.helmInstall(env, true, DemoArgoCd.chartRef(charts));
    InstalledOperator.awaitPodsReady(host, 1);
    figure("helm install → operator pod Ready", installed);
    DemoManagers.registerDpuCluster(host, LocalEnvironment.DPU_CLUSTER, LocalEnvironment.DPU_CLUSTER,
        env.dpu().client().getKubernetesVersion().getGitVersion());

    Instant applied = Instant.now();
    applySeedConfig();
    await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(argoCdPods()).as("Argo CD pods; warnings:\n" + InstalledOperator.warnings(host))
            .hasSize(ARGOCD_WORKLOADS.size()).allMatch(InstalledOperator::ready));
    figure("seed DPFOperatorConfig applied → the operator's Argo CD pods Ready", applied);
    awaitConfigReady(applied);
    figure("seed DPFOperatorConfig applied → Ready with the operator-deployed Argo CD", applied);
  }

  @Test
  void argoCdRunsAsPodsOnTheRealNodeFromTheChartsImages() {
    List<Pod> pods = argoCdPods();
    assertThat(pods).extracting(p -> p.getMetadata().getLabels().get("app.kubernetes.io/name"))
        .containsExactlyInAnyOrderElementsOf(ARGOCD_WORKLOADS);
    List<String> chartImages = ArgoCdImages.build().stream().map(ArgoCdImages.Image::reference).toList();
    for (Pod pod : pods) {
      assertThat(pod.getSpec().getNodeName()).isEqualTo(node.name());
      assertThat(chartImages).contains(pod.getSpec().getContainers().get(0).getImage());
      assertThat(pod.getStatus().getContainerStatuses().get(0).getRestartCount()).as(pod.getMetadata().getName()
          + " restarts").isZero();
      long pid = node.containerPid(pod.getStatus().getContainerStatuses().get(0).getContainerID());
      System.out.printf("[figure] %s RSS %d MiB after the seed flow%n", pod.getMetadata().getName(),
          RealNode.residentKib(pid) / 1024);
    }
  }

  @Test
  void theOperatorsArgoCdSyncsEverySystemDpuServiceIntoTheDpuCluster() {
    List<DPUService> services = host.resources(DPUService.class).inNamespace(NS).list().getItems();
    assertThat(services).hasSize(7);
    List<Application> apps = host.resources(Application.class).inNamespace(NS).list().getItems();
    assertThat(apps).as("one Application per system DPUService in the DPU cluster").hasSizeGreaterThanOrEqualTo(6)
        .allSatisfy(app -> {
          assertThat(app.getStatus().getSync().getStatus()).as(app.getMetadata().getName() + " sync").isEqualTo("Synced");
          assertThat(app.getStatus().getHealth().getStatus()).as(app.getMetadata().getName() + " health")
              .isEqualTo("Healthy");
        });
    for (Application app : apps) {
      Object finished = app.getStatus().additionalProperties().get("operationState") instanceof Map<?, ?> op
          ? op.get("finishedAt") : null;
      if (finished != null) {
        System.out.printf("[figure] Application %s created → first sync finished: %d s%n", app.getMetadata().getName(),
            Duration.between(Instant.parse(app.getMetadata().getCreationTimestamp()), Instant.parse(finished.toString()))
                .toSeconds());
      }
    }
    KubernetesClient dpu = env.dpu().client();
    assertThat(dpu.apps().daemonSets().inNamespace(NS).withName("flannel").get().getMetadata().getAnnotations())
        .hasEntrySatisfying("argocd.argoproj.io/tracking-id",
            id -> assertThat(id).startsWith("dpu-cplane-tenant1-flannel:apps/DaemonSet:"));
    // The repo-server pod, not this JVM, fetched the chart (over the anchor address, trusting its CA).
    assertThat(charts.chartDownloads()).isPositive();
    String controllerLog = host.pods().inNamespace(NS).withName("argocd-application-controller-0").getLog();
    controllerLog.lines().filter(l -> l.matches(".*level\\W+(error|warning).*")).limit(20)
        .forEach(l -> System.out.println("[controller] " + l));
    assertThat(controllerLog).contains("dpu-cplane-tenant1-flannel");
  }

  @AfterAll
  void uninstall() {
    try {
      if (env != null && host.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig")
          .get() != null) {
        host.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig").delete();
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
          assertThat(host.resources(DPFOperatorConfig.class).inNamespace(NS).list().getItems()).isEmpty();
          assertThat(argoCdPods()).isEmpty();
        });
      }
    } finally {
      if (charts != null) {
        charts.close();
      }
      if (env != null) {
        env.close();
      }
    }
  }

  private List<Pod> argoCdPods() {
    return host.pods().inNamespace(NS).withLabel("app.kubernetes.io/part-of", "argocd").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private void applySeedConfig() {
    try (InputStream seed = Demo.class.getResourceAsStream(Demo.SEED)) {
      host.load(seed).items().forEach(o -> host.resource(o).fieldManager("kubectl").forceConflicts().serverSideApply());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for Ready=True, printing each new reason it is not Ready yet (where the time goes). */
  private void awaitConfigReady(Instant applied) {
    String[] last = {""};
    await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      DPFOperatorConfig config = host.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig")
          .get();
      String why = Optional.ofNullable(config).map(DPFOperatorConfig::getStatus).map(s -> s.getConditions())
          .orElse(List.of()).stream().filter(c -> c.getType().equals("Ready")).map(c -> c.getReason() + ": "
              + c.getMessage()).findFirst().orElse("(no Ready condition)");
      List<Application> apps = host.resources(Application.class).inNamespace(NS).list().getItems();
      long synced = apps.stream().filter(a -> a.getStatus() != null && a.getStatus().getSync() != null
          && "Synced".equals(a.getStatus().getSync().getStatus())).count();
      long healthy = apps.stream().filter(a -> a.getStatus() != null && a.getStatus().getHealth() != null
          && "Healthy".equals(a.getStatus().getHealth().getStatus())).count();
      long servicesReady = host.resources(DPUService.class).inNamespace(NS).list().getItems().stream()
          .filter(d -> Conditions.isTrue(d.getStatus(), "Ready")).count();
      String unhealthy = String.join(",", apps.stream().filter(a -> a.getStatus() == null
          || a.getStatus().getHealth() == null || !"Healthy".equals(a.getStatus().getHealth().getStatus()))
          .map(a -> a.getMetadata().getName().replace(LocalEnvironment.DPU_CLUSTER + "-", "") + "="
              + (a.getStatus() == null || a.getStatus().getHealth() == null ? "?" : a.getStatus().getHealth().getStatus()))
          .toList());
      why = apps.size() + " Applications (" + synced + " Synced, " + healthy + " Healthy; not: " + unhealthy + "), "
          + servicesReady
          + " DPUServices Ready; config " + why;
      if (!why.equals(last[0])) {
        last[0] = why;
        System.out.printf("[progress] %.1f s: %s%n", InstalledOperator.seconds(applied), why);
      }
      assertThat(Optional.ofNullable(config).map(DPFOperatorConfig::getStatus).map(s -> s.getConditions())
          .orElse(List.of())).as("DPFOperatorConfig conditions; Argo CD controller log:\n" + controllerLogTail())
          .anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
          });
    });
  }

  private String controllerLogTail() {
    try {
      return host.pods().inNamespace(NS).withName("argocd-application-controller-0").tailingLines(15).getLog()
          + "\nrepo-server:\n" + argoCdPods().stream().filter(p -> p.getMetadata().getName().startsWith("argocd-repo"))
              .findFirst().map(p -> host.pods().inNamespace(NS).withName(p.getMetadata().getName()).tailingLines(10)
                  .getLog()).orElse("(no pod)");
    } catch (RuntimeException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }


  private static void figure(String what, Instant since) {
    System.out.printf("[figure] %s: %.1f s%n", what, InstalledOperator.seconds(since));
  }
}
