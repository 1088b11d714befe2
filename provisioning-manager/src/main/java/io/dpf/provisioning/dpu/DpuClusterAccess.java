package io.dpf.provisioning.dpu;

import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.cluster.DpuClusterKubeconfig;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A client for the DPU cluster a DPU belongs to: its DPUCluster from the manager's shared cache, the
 * kubeconfig by the runtime's one rule ({@link DpuClusterKubeconfig}). The Secret is read from the API
 * (Secrets are not cached: that would hold every Secret of the cluster), which also notices a rotation.
 */
public final class DpuClusterAccess {

  private final ClusterClients clients;
  private final KindCache<DPUCluster> dpuClusters;

  public DpuClusterAccess(ClusterClients clients, KindCache<DPUCluster> dpuClusters) {
    this.clients = clients;
    this.dpuClusters = dpuClusters;
  }

  public KubernetesClient clientFor(KubernetesClient host, DPU dpu) throws PhaseFailure {
    DPUClusterReference reference = dpu.getSpec().getCluster();
    if (reference == null || reference.getName() == null) {
      throw new PhaseFailure(KindReasons.DPU.DPU_CLUSTER_NOT_READY, "DPU has no DPU cluster assigned");
    }
    String namespace = reference.getNamespace() != null ? reference.getNamespace() : dpu.getMetadata().getNamespace();
    DPUCluster cluster = dpuClusters.get(namespace, reference.getName());
    if (cluster == null) {
      throw new PhaseFailure(KindReasons.DPU.DPU_CLUSTER_NOT_READY, "DPUCluster " + namespace + "/" + reference.getName()
          + " not found");
    }
    DpuClusterKubeconfig kubeconfig = DpuClusterKubeconfig.of(cluster,
        secret -> host.secrets().inNamespace(secret.namespace()).withName(secret.name()).get());
    if (kubeconfig.kubeconfig().isEmpty()) {
      throw new PhaseFailure(KindReasons.DPU.DPU_CLUSTER_NOT_READY, kubeconfig.missing());
    }
    return clients.clientFor(kubeconfig.secret(), kubeconfig.kubeconfig().get());
  }
}
