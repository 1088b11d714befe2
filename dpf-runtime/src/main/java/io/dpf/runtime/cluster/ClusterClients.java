package io.dpf.runtime.cluster;

import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clients for DPU clusters, one per kubeconfig Secret, built on first use and kept while the
 * kubeconfig stays the same. A changed kubeconfig (rotated credentials, a moved endpoint) replaces
 * the client and closes the old one; callers notice by identity and re-create their watches.
 */
public final class ClusterClients implements AutoCloseable {

  /** The Secret key DPUCluster kubeconfigs live under (Kamaji's convention). */
  public static final String KUBECONFIG_KEY = "admin.conf";

  private record Entry(String kubeconfig, KubernetesClient client) {}

  private final Map<ResourceKey, Entry> clients = new HashMap<>();

  /** The kubeconfig in a Secret's {@value #KUBECONFIG_KEY}, if it has one. */
  public static Optional<String> kubeconfigOf(Secret secret) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(KUBECONFIG_KEY) != null) {
      return Optional.of(new String(Base64.getDecoder().decode(data.get(KUBECONFIG_KEY)),
          StandardCharsets.UTF_8));
    }
    Map<String, String> stringData = secret.getStringData();
    return Optional.ofNullable(stringData == null ? null : stringData.get(KUBECONFIG_KEY));
  }

  /** The client for the cluster whose kubeconfig Secret is {@code secret}. */
  public synchronized KubernetesClient clientFor(ResourceKey secret, String kubeconfig) {
    Entry current = clients.get(secret);
    if (current != null && current.kubeconfig().equals(kubeconfig)) {
      return current.client();
    }
    KubernetesClient client = new KubernetesClientBuilder().withConfig(config(kubeconfig)).build();
    clients.put(secret, new Entry(kubeconfig, client));
    if (current != null) {
      current.client().close();
    }
    return client;
  }

  /**
   * The client settings for a DPU cluster: one retry, not fabric8's ten with doubling backoff
   * (about 100 s), so a cluster that is down fails a reconcile quickly; the caller reports it and
   * requeues, instead of a worker waiting on one unreachable cluster while the others wait too.
   */
  public static Config config(String kubeconfig) {
    Config config = Config.fromKubeconfig(kubeconfig);
    config.setRequestRetryBackoffLimit(1);
    config.setConnectionTimeout(5_000);
    return config;
  }

  public synchronized Optional<KubernetesClient> get(ResourceKey secret) {
    return Optional.ofNullable(clients.get(secret)).map(Entry::client);
  }

  /** Forgets and closes the client of a cluster that is gone; its informers stop with it. */
  public synchronized void remove(ResourceKey secret) {
    Entry removed = clients.remove(secret);
    if (removed != null) {
      removed.client().close();
    }
  }

  public synchronized List<ResourceKey> clusters() {
    return List.copyOf(clients.keySet());
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(entry -> entry.client().close());
    clients.clear();
  }
}
