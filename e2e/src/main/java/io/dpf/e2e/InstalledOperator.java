package io.dpf.e2e;

import io.dpf.testkit.EnvtestBinaries;
import io.dpf.testkit.Helm;
import io.dpf.testkit.node.RealNode;
import io.dpf.testkit.node.RealNodeSupport;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The DPF operator as a user installs it: the managers' image tars (as the build writes them)
 * imported into the host cluster's real node, then {@code helm install} of the packaged operator
 * chart. From there the operator pod deploys the other managers from their images.
 */
final class InstalledOperator {

  static final String RELEASE = "dpf-operator";
  static final String DEPLOYMENT = "dpf-operator-controller-manager";
  /** The images the operator chart and the operator's release defaults name, one per module. */
  static final List<String> IMAGES = List.of("dpf-operator", "dpuservice-manager", "provisioning-manager");
  private static final Duration POD_READY = Duration.ofMinutes(6);

  private InstalledOperator() {}

  /**
   * Null when the operator can run from its image here, else why not (no real node). Images the
   * build did not write, or a chart it did not package, are failures, not reasons to skip.
   */
  static String unavailableReason() {
    return RealNodeSupport.unavailableReason();
  }

  /** The same for the demo, which falls back to in-process managers when the images or chart are not built. */
  static String demoUnavailableReason() {
    String node = unavailableReason();
    if (node != null) {
      return node;
    }
    for (String image : IMAGES) {
      if (!Files.isRegularFile(imageTar(image))) {
        return "the " + image + " image is not built (" + imageTar(image) + ")";
      }
    }
    return chart().isPresent() ? null : "the dpf-operator chart is not packaged";
  }

  static Path imageTar(String module) {
    return EnvtestBinaries.repositoryRoot().resolve(module).resolve("target").resolve(module + "-image.tar");
  }

  /** Imports the images into the node, printing how long each took. */
  static void loadImages(RealNode node, PrintStream out) {
    for (String image : IMAGES) {
      if (!Files.isRegularFile(imageTar(image))) {
        throw new IllegalStateException("the " + image + " image is not built: " + imageTar(image)
            + " is missing (mvn -B package -pl " + image + " -am writes it)");
      }
      Instant start = Instant.now();
      node.loadImage(imageTar(image));
      out.printf("[figure] image %s imported into %s: %.1f s%n", image, node.name(), seconds(start));
    }
  }

  /**
   * {@code helm install dpf-operator <chart> -n <namespace> --set argoCD.deploy=false [--set ...]}:
   * Argo CD is the user's (local processes), its system DPUServices' chart at {@code chartRef}.
   */
  static String helmInstall(LocalEnvironment env, String chartRef, String... sets) {
    return helmInstall(env, false, chartRef, sets);
  }

  /** The same; with {@code deployArgoCd} the operator deploys Argo CD from its chart's images (charts/argocd). */
  static String helmInstall(LocalEnvironment env, boolean deployArgoCd, String chartRef, String... sets) {
    List<String> values = new ArrayList<>(List.of("argoCD.deploy=" + deployArgoCd,
        "dpuNetworkingHelmChart=" + chartRef));
    values.addAll(List.of(sets));
    String[] args = values.stream().flatMap(v -> Stream.of("--set", v)).toArray(String[]::new);
    Path chart = chart().orElseThrow(() -> new IllegalStateException(
        "the dpf-operator chart is not packaged (mvn -B package -pl dpf-operator -am packages it)"));
    return Helm.install(env.host(), RELEASE, chart, LocalEnvironment.OPERATOR_NAMESPACE, args);
  }

  static Optional<Path> chart() {
    Path dir = EnvtestBinaries.repositoryRoot().resolve("dpf-operator/target/generated-resources/charts/charts");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (var charts = Files.list(dir)) {
      return charts.filter(p -> p.getFileName().toString().matches("dpf-operator-.*\\.tgz")).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until exactly {@code replicas} operator pods are Ready; on timeout the warnings say why not. */
  static void awaitPodsReady(KubernetesClient host, int replicas) {
    Instant deadline = Instant.now().plus(POD_READY);
    while (Instant.now().isBefore(deadline)) {
      List<Pod> pods = pods(host, DEPLOYMENT);
      if (pods.size() == replicas && pods.stream().allMatch(InstalledOperator::ready)) {
        return;
      }
      sleep();
    }
    throw new IllegalStateException(replicas + " Ready operator pods expected within " + POD_READY + "; warnings:\n"
        + warnings(host));
  }

  /** The live (not terminating) pods of a Deployment in the operator's namespace. */
  static List<Pod> pods(KubernetesClient host, String deployment) {
    var d = host.apps().deployments().inNamespace(LocalEnvironment.OPERATOR_NAMESPACE).withName(deployment).get();
    Map<String, String> labels = d == null ? Map.of("app.kubernetes.io/name", RELEASE)
        : d.getSpec().getSelector().getMatchLabels();
    return host.pods().inNamespace(LocalEnvironment.OPERATOR_NAMESPACE).withLabels(labels).list().getItems()
        .stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  /** A pod of the operator's own Deployment, which stays when the config goes (helm uninstall removes it). */
  static boolean isOperatorPod(Pod pod) {
    return RELEASE.equals(pod.getMetadata().getLabels() == null ? null
        : pod.getMetadata().getLabels().get("app.kubernetes.io/name"));
  }

  static boolean ready(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static String warnings(KubernetesClient host) {
    return String.join("\n", host.v1().events().inNamespace(LocalEnvironment.OPERATOR_NAMESPACE).list().getItems()
        .stream().filter(e -> !"Normal".equals(e.getType()))
        .map(e -> e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName() + ": " + e.getReason()
            + ": " + e.getMessage()).toList());
  }

  static double seconds(Instant since) {
    return Duration.between(since, Instant.now()).toMillis() / 1000.0;
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
