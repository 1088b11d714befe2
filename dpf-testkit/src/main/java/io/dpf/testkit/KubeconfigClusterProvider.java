package io.dpf.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Existing clusters (OpenShift included): {@code -Ddpf.e2e.kubeconfig=<file>} for the first cluster
 * started, {@code -Ddpf.e2e.kubeconfig.<name>=<file>} for a named one (e.g. a DPU cluster). Nothing
 * is stopped on close: the cluster is not ours.
 */
public final class KubeconfigClusterProvider implements ClusterProvider {

  @Override
  public Cluster start(String name) {
    String file = System.getProperty("dpf.e2e.kubeconfig." + name, System.getProperty("dpf.e2e.kubeconfig"));
    if (file == null) {
      throw new IllegalStateException("no kubeconfig for cluster " + name
          + ": set -Ddpf.e2e.kubeconfig." + name + "=<file> or -Ddpf.e2e.kubeconfig=<file>");
    }
    return new ExistingCluster(name, Paths.get(file));
  }

  @Override
  public String description() {
    return "existing clusters from -Ddpf.e2e.kubeconfig";
  }

  private static final class ExistingCluster implements Cluster {
    private final String name;
    private final Path kubeconfig;
    private final String yaml;
    private final KubernetesClient client;

    ExistingCluster(String name, Path kubeconfig) {
      this.name = name;
      this.kubeconfig = kubeconfig;
      try {
        this.yaml = Files.readString(kubeconfig);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read kubeconfig " + kubeconfig, e);
      }
      this.client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(yaml)).build();
    }

    @Override public String name() { return name; }
    @Override public KubernetesClient client() { return client; }
    @Override public String kubeconfigYaml() { return yaml; }
    @Override public Path kubeconfig() { return kubeconfig; }
    @Override public boolean runsWorkloads() { return true; }

    @Override
    public void addNode(String nodeName, Map<String, String> labels) {
      throw new UnsupportedOperationException("an existing cluster's nodes are not ours to add");
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
