package io.dpf.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/** One K3s container per cluster, through Testcontainers; chosen when a Docker engine answers. */
public final class K3sClusterProvider implements ClusterProvider {

  static final String IMAGE = System.getProperty("dpf.e2e.k3s.image", "rancher/k3s:v1.35.4-k3s1");

  /** Asks Testcontainers only when a Docker endpoint is configured at all: its probe logs errors otherwise. */
  static boolean dockerAvailable() {
    if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public Cluster start(String name) {
    K3sContainer container = new K3sContainer(DockerImageName.parse(IMAGE));
    container.start();
    return new K3sCluster(name, container);
  }

  @Override
  public String description() {
    return "K3s containers (" + IMAGE + ")";
  }

  private static final class K3sCluster implements Cluster {
    private final String name;
    private final K3sContainer container;
    private final String kubeconfigYaml;
    private final KubernetesClient client;
    private final Path kubeconfig;

    K3sCluster(String name, K3sContainer container) {
      this.name = name;
      this.container = container;
      this.kubeconfigYaml = container.getKubeConfigYaml();
      this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
      try {
        this.kubeconfig = Files.createTempFile("dpf-k3s-" + name, ".conf");
        Files.writeString(kubeconfig, kubeconfigYaml);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override public String name() { return name; }
    @Override public KubernetesClient client() { return client; }
    @Override public String kubeconfigYaml() { return kubeconfigYaml; }
    @Override public Path kubeconfig() { return kubeconfig; }
    @Override public boolean runsWorkloads() { return true; }

    @Override
    public void addNode(String nodeName, Map<String, String> labels) {
      // K3s has one real node; label it so selectors that expect the given node's labels match.
      String node = client.nodes().list().getItems().get(0).getMetadata().getName();
      client.nodes().withName(node).edit(n -> {
        n.getMetadata().getLabels().putAll(labels);
        return n;
      });
    }

    @Override
    public void close() {
      client.close();
      container.stop();
    }
  }
}
