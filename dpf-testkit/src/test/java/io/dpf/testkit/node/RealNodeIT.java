package io.dpf.testkit.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.images.DeterministicTar;
import io.dpf.images.ImageArchive;
import io.dpf.images.ImageConfig;
import io.dpf.testkit.ClusterOptions;
import io.dpf.testkit.EnvtestBinaries;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster with a real kubelet node: the node becomes Ready, a pod from an image the testkit
 * wrote (no registry) runs as a real container with a read-only root filesystem as a non-root
 * user, its logs come back through the API server and the kubelet, and closing the cluster leaves
 * nothing of the node on the machine.
 */
class RealNodeIT {

  private static final Duration POD_TIMEOUT = Duration.ofMinutes(3);
  private static final String PROBE_IMAGE = "dpf.local/node-probe:1";

  @TempDir
  Path tmp;

  @Test
  void podsRunAsRealContainersAndTeardownLeavesNothingBehind() throws Exception {
    String unavailable = RealNodeSupport.unavailableReason();
    assumeTrue(unavailable == null, () -> "skipped: " + unavailable);

    Instant start = Instant.now();
    LocalControlPlane cluster = LocalControlPlane.start("real-node-it",
        ClusterOptions.full().withRealNode(NodeOptions.named("dpf-real-node")));
    SlotNames names;
    Path clusterDir = cluster.directory();
    HostFootprint during;
    try {
      RealNode node = cluster.realNode().orElseThrow();
      names = node.names();
      KubernetesClient client = cluster.client();
      System.out.printf("[figures] cluster with real node Ready in %d ms%n", Duration.between(start, Instant.now()).toMillis());

      Node registered = client.nodes().withName(node.name()).get();
      assertThat(registered.getMetadata().getLabels()).containsEntry(NodeOptions.REAL_NODE_KEY, "true");
      assertThat(registered.getSpec().getTaints()).anyMatch(t -> t.getKey().equals(NodeOptions.REAL_NODE_KEY));
      assertThat(node.images()).contains(Containerd.SANDBOX_IMAGE);

      Instant loading = Instant.now();
      node.loadImage(probeImage());
      System.out.printf("[figures] ctr import of %s: %d ms%n", PROBE_IMAGE, Duration.between(loading, Instant.now()).toMillis());
      assertThat(node.images()).contains(PROBE_IMAGE);

      Instant created = Instant.now();
      client.pods().inNamespace("default").resource(pod("sleeper", List.of(), "Always")).create();
      client.pods().inNamespace("default").resource(pod("version", List.of("/pause", "-v"), "Never")).create();

      Pod sleeper = await().atMost(POD_TIMEOUT).until(() -> client.pods().inNamespace("default").withName("sleeper").get(),
          p -> p != null && isReady(p));
      System.out.printf("[figures] pod Ready %d ms after create%n", Duration.between(created, Instant.now()).toMillis());
      assertThat(sleeper.getSpec().getNodeName()).isEqualTo(node.name());
      assertThat(sleeper.getStatus().getPodIP()).startsWith(names.podCidr().substring(0, names.podCidr().lastIndexOf('.') + 1));

      await().atMost(POD_TIMEOUT).until(() -> phase(client, "version"), "Succeeded"::equals);
      assertThat(kubectl(cluster, "logs", "version")).contains("pause.c v");

      during = HostFootprint.of(names, clusterDir);
      assertThat(during.processes()).as("node processes while it runs").isNotEmpty();
      assertThat(during.netns()).as("the node's network namespace").hasSize(1);
      assertThat(during.links()).as("the host veth and the anchor device").hasSize(2);
      assertThat(during.routes()).as("the host route to the pod range").isNotEmpty();
      assertThat(during.mounts()).as("pod and container mounts below the cluster directory").isNotEmpty();
      assertThat(during.cgroups()).as("the node's cgroup in every hierarchy").isNotEmpty();
      assertThat(during.iptables()).as("host iptables rules naming the node: kube-proxy's live in its netns")
          .isEmpty();

      // A graceful delete really stops the container: pause exits on SIGTERM.
      client.pods().inNamespace("default").withName("sleeper").delete();
      await().atMost(POD_TIMEOUT).until(() -> client.pods().inNamespace("default").withName("sleeper").get() == null);
    } finally {
      Instant closing = Instant.now();
      cluster.close();
      System.out.printf("[figures] teardown %d ms%n", Duration.between(closing, Instant.now()).toMillis());
    }

    HostFootprint after = HostFootprint.of(names, clusterDir);
    if (!after.processes().isEmpty() || !after.mounts().isEmpty() || !slotReclaimedByOthers(names)) {
      assertThat(after.all()).as("left on the machine after teardown (while it ran: %s)", during.all()).isEmpty();
    } else {
      // Another cluster claimed the freed slot at once and owns its names now; only what is named
      // by our cluster's directory can still be ours.
      System.out.println("slot " + names.index() + " was claimed again before the check; checked processes and mounts only");
    }
  }

  private Path probeImage() {
    Path pause = RealNodeSupport.binaries().resolve("pause");
    ImageArchive.Written written = ImageArchive.writeLayers(tmp.resolve("probe.tar"), PROBE_IMAGE,
        ImageConfig.entrypoint("/pause").withUser("65532:65532"),
        List.of(new DeterministicTar().file("pause", 0755, pause).directory("tmp", 01777)));
    return written.archive();
  }

  private static Pod pod(String name, List<String> command, String restartPolicy) {
    return new PodBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec()
          .withRestartPolicy(restartPolicy)
          .withNodeSelector(Map.of(NodeOptions.REAL_NODE_KEY, "true"))
          .addNewToleration().withKey(NodeOptions.REAL_NODE_KEY).withOperator("Exists").withEffect("NoSchedule")
          .endToleration()
          .withAutomountServiceAccountToken(false)
          .withTerminationGracePeriodSeconds(30L)
          .addNewContainer()
            .withName("probe").withImage(PROBE_IMAGE).withImagePullPolicy("Never").withCommand(command)
            .withNewSecurityContext()
              .withRunAsNonRoot(true).withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
              .withNewCapabilities().withDrop("ALL").endCapabilities()
            .endSecurityContext()
          .endContainer()
        .endSpec()
        .build();
  }

  private static boolean isReady(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String phase(KubernetesClient client, String name) {
    Pod p = client.pods().inNamespace("default").withName(name).get();
    return p == null || p.getStatus() == null ? null : p.getStatus().getPhase();
  }

  private static String kubectl(LocalControlPlane cluster, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(EnvtestBinaries.binary("kubectl").toString(),
        "--kubeconfig", cluster.kubeconfig().toString(), "--namespace", "default"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("kubectl %s: %s", String.join(" ", args), out).isZero();
    return out;
  }

  private static boolean slotReclaimedByOthers(SlotNames names) {
    return Files.exists(Path.of(NodeSlot.ROOT, String.valueOf(names.index()), "owner"));
  }
}
