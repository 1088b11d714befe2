package io.dpf.dpuservice.dpuservice;

import io.dpf.api.LabelKeys;
import io.dpf.dpuservice.clusters.DpuCluster;
import io.dpf.runtime.apply.ServerSideApply;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies the Secrets labelled {@code dpu.nvidia.com/image-pull-secret} in a DPUService's namespace
 * into that namespace of a DPU cluster, and removes copies whose original is gone (reference §2.4).
 * Copies carry the label too, which is how they are told apart from the cluster's own Secrets.
 */
final class PullSecretMirror {

  private final KubernetesClient host;
  private final String fieldManager;

  PullSecretMirror(KubernetesClient host, String fieldManager) {
    this.host = host;
    this.fieldManager = fieldManager;
  }

  /** The labelled Secrets of a namespace on the host. */
  List<Secret> originals(String namespace) {
    return host.secrets().inNamespace(namespace).withLabel(LabelKeys.IMAGE_PULL_SECRET).list().getItems();
  }

  void mirror(List<Secret> originals, String namespace, DpuCluster cluster) {
    ServerSideApply apply = new ServerSideApply(cluster.client(), fieldManager);
    originals.forEach(original -> apply.apply(copyOf(original)));
    Set<String> wanted = originals.stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
    for (Secret copy : copies(namespace, cluster)) {
      if (!wanted.contains(copy.getMetadata().getName())) {
        cluster.client().resource(copy).delete();
      }
    }
  }

  /** Removes every copy from a cluster, once the namespace has no DPUService left. */
  void removeAll(String namespace, DpuCluster cluster) {
    copies(namespace, cluster).forEach(copy -> cluster.client().resource(copy).delete());
  }

  private static List<Secret> copies(String namespace, DpuCluster cluster) {
    return cluster.client().secrets().inNamespace(namespace).withLabel(LabelKeys.IMAGE_PULL_SECRET).list().getItems();
  }

  /** Same name, namespace, labels, type and data; nothing of the original's server metadata. */
  static Secret copyOf(Secret original) {
    return new SecretBuilder()
        .withNewMetadata()
            .withName(original.getMetadata().getName())
            .withNamespace(original.getMetadata().getNamespace())
            .withLabels(original.getMetadata().getLabels())
        .endMetadata()
        .withType(original.getType())
        .withData(original.getData())
        .build();
  }
}
