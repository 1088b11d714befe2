package io.dpf.testkit;

import java.util.Locale;

/**
 * Where test and demo clusters come from. {@code -Ddpf.e2e.provider=local|k3s|kubeconfig} chooses;
 * by default an existing cluster is used when {@code -Ddpf.e2e.kubeconfig} is set, K3s when a Docker
 * engine answers, and otherwise the local control plane built from source.
 */
public interface ClusterProvider {

  /** Starts (or connects to) the cluster with this name; the caller closes it. */
  Cluster start(String name);

  String description();

  static ClusterProvider fromSystemProperties() {
    String chosen = System.getProperty("dpf.e2e.provider", "").toLowerCase(Locale.ROOT);
    return switch (chosen) {
      case "local" -> new LocalClusterProvider();
      case "k3s" -> new K3sClusterProvider();
      case "kubeconfig" -> new KubeconfigClusterProvider();
      case "" -> {
        if (System.getProperty("dpf.e2e.kubeconfig") != null) {
          yield new KubeconfigClusterProvider();
        }
        yield K3sClusterProvider.dockerAvailable() ? new K3sClusterProvider() : new LocalClusterProvider();
      }
      default -> throw new IllegalArgumentException(
          "unknown -Ddpf.e2e.provider=" + chosen + " (expected local, k3s or kubeconfig)");
    };
  }
}
