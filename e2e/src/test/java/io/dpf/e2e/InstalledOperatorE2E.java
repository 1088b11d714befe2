package io.dpf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.testkit.Helm;
import io.dpf.testkit.SeedPrerequisites;
import io.dpf.testkit.node.RealNode;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The system as a user installs it (issue "Real containers" §3): the operator chart goes on with
 * {@code helm install}, with the image the build made, onto the host cluster's real kubelet node;
 * the operator pod, not this JVM, reconciles the seed's DPFOperatorConfig; the DPUService and
 * provisioning controller-managers it deploys run as pods from their images. Argo CD is the user's
 * (the real one as local processes, as DPF treats it since v25.7), so the chart does not deploy it.
 * Each test leaves the installation as it found it (two operator replicas, the config Ready), so
 * they run in any order; the deletion check closes the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstalledOperatorE2E {

  private static final String NS = LocalEnvironment.OPERATOR_NAMESPACE;
  private static final String OPERATOR = InstalledOperator.DEPLOYMENT;
  private static final String LEASE = "dpf-operator-leader";
  private static final Duration READY = Duration.ofMinutes(6);

  private LocalEnvironment env;
  private DemoArgoCd argoCd;
  private KubernetesClient host;
  private RealNode node;

  @BeforeAll
  void installTheOperatorWithHelm() {
    String reason = InstalledOperator.unavailableReason();
    assumeTrue(reason == null, () -> "the managers as pods: " + reason);
    env = LocalEnvironment.startWithRealNode();
    host = env.host().client();
    node = env.host().realNode().orElseThrow();
    InstalledOperator.loadImages(node, System.out);
    SeedPrerequisites.create(env.host());
    argoCd = DemoArgoCd.start(env.host(), NS);

    Instant installed = Instant.now();
    InstalledOperator.helmInstall(env, argoCd.chartRef(), "replicas=2");
    InstalledOperator.awaitPodsReady(host, 2);
    figure("helm install → 2 operator pods Ready", installed);
    // The chart installs the CRDs; the seed's tenant is then registered as a DPUCluster.
    DemoManagers.registerDpuCluster(host, LocalEnvironment.DPU_CLUSTER, LocalEnvironment.DPU_CLUSTER,
        env.dpu().client().getKubernetesVersion().getGitVersion());

    Instant applied = Instant.now();
    applySeedConfig();
    awaitConfigReady();
    figure("seed DPFOperatorConfig applied → Ready (operator pod reconciling)", applied);
  }

  @Test
  void theManagersTheOperatorDeploysRunAsPodsFromTheirImagesWithPassingProbes() {
    for (String deployment : List.of(OPERATOR, "dpf-provisioning-controller-manager",
        "dpuservice-controller-manager")) {
      List<Pod> pods = InstalledOperator.pods(host, deployment);
      assertThat(pods).as(deployment + " pods").isNotEmpty().allSatisfy(pod -> {
        assertThat(pod.getSpec().getNodeName()).isEqualTo(node.name());
        assertThat(InstalledOperator.ready(pod)).as(pod.getMetadata().getName() + " Ready (its /readyz probe passes)").isTrue();
        assertThat(pod.getSpec().getContainers().get(0).getImage()).startsWith("ghcr.io/dpf-java/");
      });
      String log = host.pods().inNamespace(NS).withName(pods.get(0).getMetadata().getName()).getLog();
      assertThat(log).as("kubectl logs " + pods.get(0).getMetadata().getName()).contains("started");
      for (Pod pod : pods) {
        ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
        System.out.printf("[figure] %s RSS %d MiB after the seed flow%n", pod.getMetadata().getName(),
            RealNode.residentKib(node.containerPid(status.getContainerID())) / 1024);
      }
    }
    assertThat(host.resources(DPUService.class).inNamespace(NS).list().getItems()).hasSize(7);
  }

  @Test
  void aGracefullyDeletedLeaderHandsOverAtOnceAndTheOtherReplicaReconciles() {
    String leader = leaderPod();
    Instant deleted = Instant.now();
    host.pods().inNamespace(NS).withName(leader).delete();
    String successor = awaitNewLeader(leader);
    figure("graceful delete of leader " + leader + " → " + successor + " holds the Lease", deleted);
    assertTheLeaderReconciles();
    InstalledOperator.awaitPodsReady(host, 2);
  }

  @Test
  void aKilledLeaderIsReplacedWithinOneLeaseDuration() {
    String leader = leaderPod();
    String killedIdentity = holder().orElseThrow();
    Pod pod = host.pods().inNamespace(NS).withName(leader).get();
    Instant killed = Instant.now();
    node.signalContainer(pod.getStatus().getContainerStatuses().get(0).getContainerID(), "SIGKILL");
    // Once the Lease expires either candidate may take it: the other replica, or the killed pod's
    // container restarted by the kubelet (a new process, so a new identity). Both are a new leader.
    await().atMost(READY).pollInterval(Duration.ofMillis(200))
        .until(() -> holder().filter(h -> !h.equals(killedIdentity)).isPresent());
    String successor = holder().orElseThrow();
    figure("SIGKILL of leader " + killedIdentity + " → " + successor + " holds the Lease (lease duration 30 s)", killed);
    assertTheLeaderReconciles();
    InstalledOperator.awaitPodsReady(host, 2);
  }

  @Test
  void sigtermEndsAManagerCleanlyWithinItsGracePeriod() {
    Pod pod = InstalledOperator.pods(host, OPERATOR).get(0);
    String name = pod.getMetadata().getName();
    int restarts = pod.getStatus().getContainerStatuses().get(0).getRestartCount();
    Instant sent = Instant.now();
    node.signalContainer(pod.getStatus().getContainerStatuses().get(0).getContainerID(), "SIGTERM");
    // The kubelet restarts the container and reports how the last one ended.
    await().atMost(READY).pollInterval(Duration.ofSeconds(1)).until(() -> {
      Pod now = host.pods().inNamespace(NS).withName(name).get();
      return now != null && now.getStatus().getContainerStatuses().get(0).getRestartCount() > restarts;
    });
    var terminated = host.pods().inNamespace(NS).withName(name).get().getStatus().getContainerStatuses().get(0)
        .getLastState().getTerminated();
    // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited; 137 would be the kubelet's SIGKILL.
    assertThat(terminated.getExitCode()).as("exit code after SIGTERM").isIn(0, 143);
    long seconds = Duration.between(sent, Instant.parse(terminated.getFinishedAt())).toSeconds();
    System.out.printf("[figure] SIGTERM → container exited (%d) after about %d s (grace period %d s)%n",
        terminated.getExitCode(), seconds, pod.getSpec().getTerminationGracePeriodSeconds());
    String previous = host.pods().inNamespace(NS).withName(name).terminated().getLog();
    assertThat(previous).as("kubectl logs --previous " + name).contains("stopping");
    InstalledOperator.awaitPodsReady(host, 2);
  }

  @AfterAll
  void deletionLeavesNothingBehind() {
    try {
      if (env != null && host.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig")
          .get() != null) {
        host.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig").delete();
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
          assertThat(host.resources(DPFOperatorConfig.class).inNamespace(NS).list().getItems()).isEmpty();
          assertThat(host.resources(DPUService.class).inNamespace(NS).list().getItems()).isEmpty();
          assertThat(host.apps().deployments().inNamespace(NS).list().getItems())
              .extracting(d -> d.getMetadata().getName()).containsOnly(OPERATOR);
        });
        Helm.uninstall(env.host(), InstalledOperator.RELEASE, NS);
        await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
            assertThat(host.pods().inNamespace(NS).list().getItems()).as("pods left").isEmpty());
      }
    } finally {
      if (argoCd != null) {
        argoCd.close();
      }
      if (env != null) {
        env.close();
      }
    }
  }

  private void applySeedConfig() {
    try (InputStream seed = Demo.class.getResourceAsStream(Demo.SEED)) {
      host.load(seed).items().forEach(o -> host.resource(o).fieldManager("kubectl").forceConflicts().serverSideApply());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitConfigReady() {
    await().atMost(READY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      DPFOperatorConfig config = host.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig")
          .get();
      assertThat(Optional.ofNullable(config).map(DPFOperatorConfig::getStatus).map(s -> s.getConditions())
          .orElse(List.of())).as("DPFOperatorConfig conditions; operator log:\n" + operatorLogTail())
          .anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
          });
    });
  }

  /**
   * The new leader acts on a change: a system DPUService deleted by hand comes back. The operator's
   * rendered DPUServices are its own, so only a reconciling leader recreates one.
   */
  private void assertTheLeaderReconciles() {
    Instant deleted = Instant.now();
    host.resources(DPUService.class).inNamespace(NS).withName("flannel").delete();
    await().atMost(READY).pollInterval(Duration.ofMillis(500)).until(() -> {
      DPUService flannel = host.resources(DPUService.class).inNamespace(NS).withName("flannel").get();
      return flannel != null && flannel.getMetadata().getDeletionTimestamp() == null
          && flannel.getMetadata().getCreationTimestamp() != null
          && !Instant.parse(flannel.getMetadata().getCreationTimestamp()).isBefore(deleted.minusSeconds(1));
    });
    figure("DPUService flannel deleted → recreated by the new leader", deleted);
    awaitConfigReady();
  }

  private String leaderPod() {
    await().atMost(READY).pollInterval(Duration.ofSeconds(1)).until(() -> holder().isPresent());
    String holder = holder().orElseThrow();
    return holder.substring(0, holder.lastIndexOf('_'));
  }

  private String awaitNewLeader(String previousPod) {
    await().atMost(READY).pollInterval(Duration.ofMillis(200))
        .until(() -> holder().filter(h -> !h.startsWith(previousPod + "_")).isPresent());
    String holder = holder().orElseThrow();
    return holder.substring(0, holder.lastIndexOf('_'));
  }

  private Optional<String> holder() {
    Lease lease = host.leases().inNamespace(NS).withName(LEASE).get();
    return Optional.ofNullable(lease).map(Lease::getSpec).map(s -> s.getHolderIdentity()).filter(h -> !h.isBlank());
  }

  private String operatorLogTail() {
    return InstalledOperator.pods(host, OPERATOR).stream().findFirst().map(p -> {
      String log = host.pods().inNamespace(NS).withName(p.getMetadata().getName()).tailingLines(20).getLog();
      return p.getMetadata().getName() + ":\n" + log;
    }).orElse("(no operator pod)");
  }


  private static void figure(String what, Instant since) {
    System.out.printf("[figure] %s: %.1f s%n", what, Duration.between(since, Instant.now()).toMillis() / 1000.0);
  }
}
