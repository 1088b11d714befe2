package io.dpf.dpuservice.clusters;

import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Where DPU-cluster clients come from. In production {@link ClusterClients}; tests supply clients
 * that count their writes, so "an unchanged world makes no write" covers the DPU clusters too.
 */
public interface DpuClusterClients extends AutoCloseable {

  KubernetesClient clientFor(ResourceKey kubeconfigSecret, String kubeconfig);

  void remove(ResourceKey kubeconfigSecret);

  List<ResourceKey> clusters();

  @Override
  void close();

  static DpuClusterClients of(ClusterClients clients) {
    return new DpuClusterClients() {
      @Override
      public KubernetesClient clientFor(ResourceKey kubeconfigSecret, String kubeconfig) {
        return clients.clientFor(kubeconfigSecret, kubeconfig);
      }

      @Override
      public void remove(ResourceKey kubeconfigSecret) {
        clients.remove(kubeconfigSecret);
      }

      @Override
      public List<ResourceKey> clusters() {
        return clients.clusters();
      }

      @Override
      public void close() {
        clients.close();
      }
    };
  }
}
