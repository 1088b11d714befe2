package io.dpf.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.runtime.readiness.WorkloadReadiness;
import io.dpf.testkit.ClusterOptions;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.node.NodeOptions;
import io.dpf.testkit.node.RealNode;
import io.dpf.testkit.node.RealNodeSupport;
import io.dpf.testkit.node.SandboxImage;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollout readiness against a real kubelet: a Deployment whose image cannot be pulled (the node has
 * no registry access, so any remote image fails, as a typo or a missing pull secret would) is not
 * ready, and the words say so with the kubelet's own message; setting an image the node has makes it
 * ready, with nothing restarted. The judge is {@link WorkloadReadiness}, as the operator uses it.
 */
class WorkloadReadinessOnRealNodeIT {

  static final Duration WAIT = Duration.ofMinutes(3);
  static final String UNPULLABLE = "ghcr.io/dpf-java/no-such-image:0.0.0";
  static final String LOCAL = "dpf.local/readiness-fixed:1";
  static final String NAMESPACE = "default";

  @TempDir
  Path tmp;

  @Test
  void anImageThatCannotBePulledIsNamedWithTheKubeletsMessage_andAnImageTheNodeHasMakesItReady() {
    String unavailable = RealNodeSupport.unavailableReason();
    assumeTrue(unavailable == null, () -> "skipped: " + unavailable);
    try (LocalControlPlane cluster = LocalControlPlane.start("readiness-real-node-it",
        ClusterOptions.full().withRealNode(NodeOptions.named("dpf-readiness-node")))) {
      RealNode node = cluster.realNode().orElseThrow();
      node.loadImage(SandboxImage.write(RealNodeSupport.binaries().resolve("pause"), tmp.resolve("fixed.tar"), LOCAL)
          .archive());
      KubernetesClient client = cluster.client();
      client.apps().deployments().inNamespace(NAMESPACE).resource(deployment(UNPULLABLE, "IfNotPresent")).create();

      Instant created = Instant.now();
      await().atMost(WAIT).untilAsserted(() -> {
        Optional<String> notReady = notReady(client);
        ContainerStateWaiting waiting = waitingOfNewestPod(client);
        assertThat(waiting).as("the kubelet has tried the pull").isNotNull();
        assertThat(waiting.getReason()).isIn("ErrImagePull", "ImagePullBackOff");
        assertThat(waiting.getMessage()).as("the kubelet's message").isNotBlank().contains(UNPULLABLE);
        assertThat(notReady).hasValueSatisfying(why -> assertThat(why)
            .startsWith("Deployment web rollout is not complete")
            .contains("container app: " + waiting.getReason() + ": " + waiting.getMessage().strip()));
      });
      System.out.printf("[figures] pull failure named %d ms after create: %s%n",
          Duration.between(created, Instant.now()).toMillis(), notReady(client).orElse(""));

      Instant fixed = Instant.now();
      client.apps().deployments().inNamespace(NAMESPACE).withName("web").edit(d -> {
        var container = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        container.setImage(LOCAL);
        container.setImagePullPolicy("Never");
        return d;
      });
      await().atMost(WAIT).untilAsserted(() -> assertThat(notReady(client)).as("ready once the image exists").isEmpty());
      System.out.printf("[figures] ready %d ms after the image was fixed%n",
          Duration.between(fixed, Instant.now()).toMillis());
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("web").get().getStatus()
          .getAvailableReplicas()).isEqualTo(1);
    }
  }

  private static Optional<String> notReady(KubernetesClient client) {
    Deployment live = client.apps().deployments().inNamespace(NAMESPACE).withName("web").get();
    List<Pod> pods = client.pods().inNamespace(NAMESPACE).list().getItems();
    return WorkloadReadiness.notReady("Deployment", "web", live, pods);
  }

  /** The waiting state of the newest web pod's container, or null while it has none. */
  private static ContainerStateWaiting waitingOfNewestPod(KubernetesClient client) {
    return client.pods().inNamespace(NAMESPACE).withLabel("app", "web").list().getItems().stream()
        .max(Comparator.comparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp())))
        .map(Pod::getStatus)
        .filter(s -> s.getContainerStatuses() != null && !s.getContainerStatuses().isEmpty())
        .map(s -> s.getContainerStatuses().get(0).getState())
        .filter(state -> state != null && state.getWaiting() != null
            && Set.of("ErrImagePull", "ImagePullBackOff").contains(state.getWaiting().getReason()))
        .map(state -> state.getWaiting())
        .orElse(null);
  }

  private static Deployment deployment(String image, String pullPolicy) {
    return new DeploymentBuilder()
        .withNewMetadata().withName("web").endMetadata()
        .withNewSpec()
          .withReplicas(1)
          .withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
          .withNewTemplate()
            .withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
            .withNewSpec()
              .withNodeSelector(Map.of(NodeOptions.REAL_NODE_KEY, "true"))
              .addNewToleration().withKey(NodeOptions.REAL_NODE_KEY).withOperator("Exists").withEffect("NoSchedule")
              .endToleration()
              .withAutomountServiceAccountToken(false)
              .withTerminationGracePeriodSeconds(5L)
              .addNewContainer().withName("app").withImage(image).withImagePullPolicy(pullPolicy).endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }
}
