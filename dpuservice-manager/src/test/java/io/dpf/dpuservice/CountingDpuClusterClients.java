package io.dpf.dpuservice;

import io.dpf.dpuservice.clusters.DpuClusterClients;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** DPU-cluster clients (one per kubeconfig, as ClusterClients keeps them) whose writes a test counts. */
final class CountingDpuClusterClients implements DpuClusterClients {

  private record Entry(String kubeconfig, KubernetesClient client) {}

  private final WriteCounter writes;
  private final Map<ResourceKey, Entry> clients = new HashMap<>();

  CountingDpuClusterClients(WriteCounter writes) {
    this.writes = writes;
  }

  @Override
  public synchronized KubernetesClient clientFor(ResourceKey secret, String kubeconfig) {
    Entry current = clients.get(secret);
    if (current != null && current.kubeconfig().equals(kubeconfig)) {
      return current.client();
    }
    KubernetesClient client = writes.countingClient(ClusterClients.config(kubeconfig));
    clients.put(secret, new Entry(kubeconfig, client));
    if (current != null) {
      current.client().close();
    }
    return client;
  }

  @Override
  public synchronized void remove(ResourceKey secret) {
    Entry removed = clients.remove(secret);
    if (removed != null) {
      removed.client().close();
    }
  }

  @Override
  public synchronized List<ResourceKey> clusters() {
    return List.copyOf(clients.keySet());
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(entry -> entry.client().close());
    clients.clear();
  }
}
