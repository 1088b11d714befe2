package io.dpf.e2e.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.testkit.ClusterOptions;
import io.dpf.testkit.Crds;
import io.dpf.testkit.EnvtestBinaries;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.node.NodeOptions;
import io.dpf.testkit.node.RealNode;
import io.dpf.testkit.node.RealNodeSupport;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every manager image the build made, on a real kubelet node: imported with ctr, run as a pod with
 * a read-only root filesystem as a non-root user, pointed at the cluster's API server with its
 * ServiceAccount token, and Ready on /readyz (the sfc-controller, which needs the node's Open
 * vSwitch, answers --help). Prints image sizes, import time, pod start to Ready and idle RSS.
 */
class ManagerImagesOnRealNodeIT {

  private static final String NS = "dpf-images";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);
  private static final List<ManagerImage> IMAGES = new ArrayList<>();
  private static LocalControlPlane cluster;

  @BeforeAll
  static void startClusterWithARealNode() {
    String unavailable = RealNodeSupport.unavailableReason();
    assumeTrue(unavailable == null, () -> "skipped: " + unavailable);
    IMAGES.add(ManagerImage.of("dpf-operator", "io.dpf.operator.OperatorMain"));
    IMAGES.add(ManagerImage.of("dpuservice-manager", "io.dpf.dpuservice.DpuServiceManagerMain"));
    IMAGES.add(ManagerImage.of("provisioning-manager", "io.dpf.provisioning.ProvisioningMain"));
    IMAGES.add(ManagerImage.of("servicechainset-controller", "io.dpf.servicechainset.ServiceChainSetControllerMain"));
    IMAGES.add(ManagerImage.of("sfc-controller", "io.dpf.sfc.SfcControllerMain"));
    cluster = LocalControlPlane.start("manager-images", ClusterOptions.full().withRealNode(NodeOptions.named("dpf-images-node")));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyManagerImageRunsAsANonRootPodWithAReadOnlyRootFilesystem() {
    KubernetesClient client = cluster.client();
    RealNode node = cluster.realNode().orElseThrow();
    Crds.install(client, Crds.load(EnvtestBinaries.repositoryRoot().resolve("dpf-api/target/classes/META-INF/fabric8")));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata().withName("manager")
        .endMetadata().build()).create();
    // Each manager's own RBAC is the charts' business (their ITs); here the image is under test.
    client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
        .withName("dpf-images-manager").endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin")
        .endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("manager").withNamespace(NS).endSubject().build()).create();

    Map<String, Long> importMillis = new LinkedHashMap<>();
    for (ManagerImage image : IMAGES) {
      Instant start = Instant.now();
      node.loadImage(image.tar());
      importMillis.put(image.module(), Duration.between(start, Instant.now()).toMillis());
      assertThat(node.images()).contains(image.reference());
    }

    Map<String, Instant> created = new LinkedHashMap<>();
    for (ManagerImage image : IMAGES) {
      client.pods().inNamespace(NS).resource(pod(image, node.name())).create();
      created.put(image.module(), Instant.now());
    }

    Map<String, Long> readyMillis = new LinkedHashMap<>();
    for (ManagerImage image : IMAGES) {
      boolean help = image.module().equals("sfc-controller");
      await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(
          () -> client.pods().inNamespace(NS).withName(image.module()).get(),
          p -> {
            failIfCrashed(client, p);
            return help ? "Succeeded".equals(p.getStatus().getPhase()) : ready(p);
          });
      readyMillis.put(image.module(), Duration.between(created.get(image.module()), Instant.now()).toMillis());
      if (help) {
        assertThat(client.pods().inNamespace(NS).withName(image.module()).getLog())
            .contains("Usage: sfc-controller", "--node-name");
      }
    }

    for (ManagerImage image : IMAGES) {
      long rss = image.module().equals("sfc-controller") ? 0 : rssKib(image.mainClass(), node.names().cgroupRoot());
      System.out.printf("[figures] %-27s %s: %5.1f MB compressed, %5.1f MB unpacked; ctr import %4d ms;"
              + " pod created -> %s %6d ms; idle RSS %s%n",
          image.module(), image.reference(), image.compressedBytes() / 1e6, image.unpackedBytes() / 1e6,
          importMillis.get(image.module()), image.module().equals("sfc-controller") ? "--help done" : "Ready",
          readyMillis.get(image.module()), rss == 0 ? "-" : (rss / 1024) + " MiB");
    }
  }

  private static Pod pod(ManagerImage image, String nodeName) {
    ContainerBuilder container = new ContainerBuilder()
        .withName("manager").withImage(image.reference()).withImagePullPolicy("Never")
        .addNewEnv().withName("POD_NAMESPACE").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace")
        .endFieldRef().endValueFrom().endEnv()
        .withNewResources()
          .withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("128Mi")))
          .withLimits(Map.of("memory", new Quantity("384Mi")))
        .endResources()
        .withNewSecurityContext()
          .withRunAsNonRoot(true).withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
          .withNewCapabilities().withDrop("ALL").endCapabilities()
        .endSecurityContext();
    PodBuilder pod = new PodBuilder()
        .withNewMetadata().withName(image.module()).withLabels(Map.of("app.kubernetes.io/name", image.module()))
        .endMetadata()
        .withNewSpec()
          .withServiceAccountName("manager")
          .withNodeSelector(Map.of(NodeOptions.REAL_NODE_KEY, "true"))
          .addNewToleration().withKey(NodeOptions.REAL_NODE_KEY).withOperator("Exists").withEffect("NoSchedule")
          .endToleration()
          .withTerminationGracePeriodSeconds(10L)
        .endSpec();
    if (image.module().equals("sfc-controller")) {
      container.withArgs("--help");
      pod.editSpec().withRestartPolicy("Never").endSpec();
    } else {
      List<String> args = new ArrayList<>(List.of("--leader-elect"));
      if (image.module().equals("dpf-operator")) {
        args.add("--config-namespace=" + NS);
      }
      container.withArgs(args)
          .addNewPort().withName("http").withContainerPort(8081).endPort()
          .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withNewPort("http").endHttpGet()
          .withPeriodSeconds(2).withFailureThreshold(3).endReadinessProbe();
      if (image.module().equals("provisioning-manager")) {
        container.addNewVolumeMount().withName("bfb").withMountPath("/bfb").endVolumeMount();
        pod.editSpec().addNewVolume().withName("bfb").withNewEmptyDir().endEmptyDir().endVolume().endSpec();
      }
    }
    return pod.editSpec().withContainers(container.build()).endSpec().build();
  }

  private static boolean ready(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** A crash loop or a failed pull ends the wait at once, with the container's last log lines. */
  private static void failIfCrashed(KubernetesClient client, Pod p) {
    if (p == null || p.getStatus() == null || p.getStatus().getContainerStatuses() == null) {
      return;
    }
    p.getStatus().getContainerStatuses().forEach(s -> {
      String waiting = s.getState().getWaiting() == null ? null : s.getState().getWaiting().getReason();
      boolean restarted = s.getRestartCount() != null && s.getRestartCount() > 0;
      if (restarted || "ErrImageNeverPull".equals(waiting) || "CreateContainerError".equals(waiting)
          || "Failed".equals(p.getStatus().getPhase())) {
        String log;
        try {
          log = client.pods().inNamespace(NS).withName(p.getMetadata().getName()).tailingLines(40)
              .getLog(restarted);
        } catch (RuntimeException e) {
          log = "(no log: " + e.getMessage() + ")";
        }
        throw new AssertionError(p.getMetadata().getName() + " did not start: " + s.getState() + "\n" + log);
      }
    });
  }

  /** VmRSS of the manager's JVM: the process in the node's cgroups whose command line names its main class. */
  private static long rssKib(String mainClass, String cgroupRoot) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
          if (cmdline.contains(mainClass) && Files.readString(p.resolve("cgroup")).contains(cgroupRoot + "/")) {
            return Files.readAllLines(p.resolve("status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
          }
        } catch (IOException gone) {
          // ended while we looked
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return 0;
  }
}
