package io.dpf.dpuservice.fanout;

import io.dpf.dpuservice.clusters.DpuCluster;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerSource;
import io.dpf.runtime.controller.KeyMapper;
import io.dpf.runtime.controller.Scope;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A controller's watches on the children it keeps in DPU clusters: added for a cluster (a client)
 * when it first shows up, closed when it is gone. Keyed by client identity, because a rotated
 * kubeconfig gives the cluster a new client and the old one's informers die with it.
 */
final class DpuClusterWatches {

  private final Supplier<Controller<?>> controller;
  private final List<Class<? extends HasMetadata>> kinds;
  private final String nameLabel;
  private final String namespaceLabel;
  private final Map<KubernetesClient, List<InformerSource<?>>> watches = new IdentityHashMap<>();

  DpuClusterWatches(Supplier<Controller<?>> controller, List<Class<? extends HasMetadata>> kinds,
      String nameLabel, String namespaceLabel) {
    this.controller = controller;
    this.kinds = kinds;
    this.nameLabel = nameLabel;
    this.namespaceLabel = namespaceLabel;
  }

  synchronized void ensure(List<DpuCluster> clusters) {
    Controller<?> owner = controller.get();
    if (owner == null) {
      return;
    }
    Set<KubernetesClient> current = Collections.newSetFromMap(new IdentityHashMap<>());
    for (DpuCluster cluster : clusters) {
      current.add(cluster.client());
      watches.computeIfAbsent(cluster.client(), client -> {
        List<InformerSource<?>> sources = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : kinds) {
          sources.add(watch(owner, client, kind));
        }
        return sources;
      });
    }
    watches.entrySet().removeIf(entry -> {
      if (current.contains(entry.getKey())) {
        return false;
      }
      entry.getValue().forEach(InformerSource::close);
      return true;
    });
  }

  private <T extends HasMetadata> InformerSource<T> watch(Controller<?> owner, KubernetesClient client, Class<T> kind) {
    return owner.watch(client, kind, Scope.allNamespaces().withLabels(nameLabel),
        KeyMapper.fromLabels(namespaceLabel, nameLabel));
  }
}
