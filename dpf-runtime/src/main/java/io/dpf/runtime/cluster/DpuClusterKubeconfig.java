package io.dpf.runtime.cluster;

import io.dpf.api.Names;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule from a DPUCluster to its admin kubeconfig, for every manager: the Secret its
 * {@code spec.kubeconfig} names, or Kamaji's {@code <name>-admin-kubeconfig} when that is unset or
 * blank, in the DPUCluster's namespace, key {@code admin.conf} (in {@code data}, or {@code stringData}
 * not yet converted).
 *
 * @param secret where the kubeconfig is (or should be)
 * @param kubeconfig the kubeconfig, empty when the Secret or its key is missing
 */
public record DpuClusterKubeconfig(ResourceKey secret, Optional<String> kubeconfig) {

  /** The Secret that holds {@code cluster}'s kubeconfig. */
  public static ResourceKey secretOf(DPUCluster cluster) {
    String named = cluster.getSpec() == null ? null : cluster.getSpec().getKubeconfig();
    String name = named == null || named.isBlank() ? Names.adminKubeconfigSecret(cluster.getMetadata().getName()) : named;
    return new ResourceKey(cluster.getMetadata().getNamespace(), name);
  }

  /** Reads the kubeconfig of {@code cluster} with {@code secrets} (a cache or the API; null for a missing Secret). */
  public static DpuClusterKubeconfig of(DPUCluster cluster, Function<ResourceKey, Secret> secrets) {
    ResourceKey key = secretOf(cluster);
    Secret secret = secrets.apply(key);
    return new DpuClusterKubeconfig(key, secret == null ? Optional.empty() : ClusterClients.kubeconfigOf(secret));
  }

  /** Why there is no kubeconfig, in the words conditions use. */
  public String missing() {
    return "kubeconfig Secret " + secret + " with key " + ClusterClients.KUBECONFIG_KEY + " not found";
  }
}
