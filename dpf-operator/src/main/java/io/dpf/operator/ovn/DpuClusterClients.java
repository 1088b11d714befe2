package io.dpf.operator.ovn;

import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.cluster.DpuClusterKubeconfig;
import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DPU clusters: every DPUCluster's kubeconfig Secret (v25.1, by {@link DpuClusterKubeconfig}), and Kamaji's admin-kubeconfig
 * Secrets as [early] DPF found them (labels kamaji.clastix.io/project=kamaji,
 * kamaji.clastix.io/component=admin-kubeconfig), as the seed's tenant is registered.
 */
final class DpuClusterClients {

  private final KubernetesClient host;
  private final ClusterClients clients = new ClusterClients();

  DpuClusterClients(KubernetesClient host) {
    this.host = host;
  }

  List<KubernetesClient> all() {
    Set<ResourceKey> secrets = new LinkedHashSet<>();
    try {
      for (DPUCluster cluster : host.resources(DPUCluster.class).inAnyNamespace().list().getItems()) {
        secrets.add(DpuClusterKubeconfig.secretOf(cluster)); // the runtime's one rule
      }
    } catch (KubernetesClientException noDpuClusterKind) {
      // the provisioning CRDs are not installed: only Kamaji tenants count
    }
    host.secrets().inAnyNamespace().withLabel("kamaji.clastix.io/project", "kamaji")
        .withLabel("kamaji.clastix.io/component", "admin-kubeconfig").list().getItems()
        .forEach(s -> secrets.add(new ResourceKey(s.getMetadata().getNamespace(), s.getMetadata().getName())));
    List<KubernetesClient> result = new ArrayList<>();
    for (ResourceKey key : secrets) {
      Secret secret = host.secrets().inNamespace(key.namespace()).withName(key.name()).get();
      Optional<String> kubeconfig = secret == null ? Optional.empty() : ClusterClients.kubeconfigOf(secret);
      kubeconfig.ifPresent(k -> result.add(clients.clientFor(key, k)));
    }
    return result;
  }
}
