package io.dpf.dpuservice.dpuservice;

import io.dpf.dpuservice.clusters.DpuCluster;
import io.dpf.dpuservice.clusters.DpuClusterRegistry;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Copies the Secrets labelled {@code dpu.nvidia.com/image-pull-secret} in a DPUService's namespace
 * into that namespace of a DPU cluster, and removes copies whose original is gone (reference §2.4).
 * Copies carry the label too, which is how they are told apart from the cluster's own Secrets.
 * Originals come from the host cache, copies from each DPU cluster's watch of them, so an unchanged
 * world costs no request.
 */
final class PullSecretMirror {

  private final KindCache<Secret> originals;
  private final DpuClusterRegistry registry;
  private final String fieldManager;
  /** One apply per DPU cluster client: it remembers what it verified there. */
  private final Map<KubernetesClient, ServerSideApply> applies = Collections.synchronizedMap(new WeakHashMap<>());

  PullSecretMirror(KindCache<Secret> originals, DpuClusterRegistry registry, String fieldManager) {
    this.originals = originals;
    this.registry = registry;
    this.fieldManager = fieldManager;
  }

  /** The labelled Secrets of a namespace on the host. */
  List<Secret> originals(String namespace) {
    return originals.list(namespace);
  }

  void mirror(List<Secret> originals, String namespace, DpuCluster cluster) {
    ServerSideApply apply = applies.computeIfAbsent(cluster.client(), client -> new ServerSideApply(client, fieldManager));
    Map<String, Secret> copies = registry.pullSecretCopies(cluster, namespace).stream()
        .collect(Collectors.toMap(copy -> copy.getMetadata().getName(), Function.identity()));
    originals.forEach(original -> apply.apply(copyOf(original), copies.get(original.getMetadata().getName())));
    Set<String> wanted = originals.stream().map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
    copies.forEach((name, copy) -> {
      if (!wanted.contains(name)) {
        cluster.client().resource(copy).delete();
      }
    });
  }

  /** Removes every copy from a cluster, once the namespace has no DPUService left. */
  void removeAll(String namespace, DpuCluster cluster) {
    registry.pullSecretCopies(cluster, namespace).forEach(copy -> cluster.client().resource(copy).delete());
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
