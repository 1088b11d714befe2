package io.dpf.provisioning.dpu;

import io.dpf.api.Names;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

/** A client for the DPU cluster a DPU belongs to, from its DPUCluster's kubeconfig Secret ({@code admin.conf}). */
public final class DpuClusterAccess {

  private final ClusterClients clients;

  public DpuClusterAccess(ClusterClients clients) {
    this.clients = clients;
  }

  public KubernetesClient clientFor(KubernetesClient host, DPU dpu) throws PhaseFailure {
    DPUClusterReference reference = dpu.getSpec().getCluster();
    if (reference == null || reference.getName() == null) {
      throw new PhaseFailure(KindReasons.DPU.DPU_CLUSTER_NOT_READY, "DPU has no DPU cluster assigned");
    }
    String namespace = reference.getNamespace() != null ? reference.getNamespace() : dpu.getMetadata().getNamespace();
    DPUCluster cluster = host.resources(DPUCluster.class).inNamespace(namespace).withName(reference.getName()).get();
    if (cluster == null) {
      throw new PhaseFailure(KindReasons.DPU.DPU_CLUSTER_NOT_READY, "DPUCluster " + namespace + "/" + reference.getName()
          + " not found");
    }
    String secretName = cluster.getSpec().getKubeconfig() != null ? cluster.getSpec().getKubeconfig()
        : Names.adminKubeconfigSecret(reference.getName());
    Secret secret = host.secrets().inNamespace(namespace).withName(secretName).get();
    String kubeconfig = secret == null ? null : ClusterClients.kubeconfigOf(secret).orElse(null);
    if (kubeconfig == null) {
      throw new PhaseFailure(KindReasons.DPU.DPU_CLUSTER_NOT_READY, "kubeconfig Secret " + namespace + "/" + secretName
          + " (key " + Names.KUBECONFIG_KEY + ") not found");
    }
    return clients.clientFor(new ResourceKey(namespace, secretName), kubeconfig);
  }
}
