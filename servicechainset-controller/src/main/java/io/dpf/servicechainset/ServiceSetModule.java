package io.dpf.servicechainset;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.svc.v1alpha1.ServiceSetStatus;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KeyMapper;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Scope;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The DPU cluster's set controllers: ServiceChainSet → ServiceChains, ServiceInterfaceSet →
 * ServiceInterfaces. Each watches the cluster's Nodes (a node that comes, goes or is relabelled
 * changes every set) and its children by their set-name label (a child changed or removed by
 * someone else is put back; a child's Ready changes its set's numberReady).
 */
public final class ServiceSetModule extends AbstractModule {

  @ProvidesIntoSet
  Controller<?> serviceChainSetController(KubernetesClient client, InformerCache cache) {
    return setController("servicechainset", client, cache, new ServiceChainSetKind(client.getKubernetesSerialization()));
  }

  @ProvidesIntoSet
  Controller<?> serviceInterfaceSetController(KubernetesClient client, InformerCache cache) {
    return setController("serviceinterfaceset", client, cache,
        new ServiceInterfaceSetKind(client.getKubernetesSerialization()));
  }

  private static <S extends CustomResource<?, ServiceSetStatus>, C extends CustomResource<?, ? extends ConditionedStatus>>
      Controller<S> setController(String name, KubernetesClient client, InformerCache cache, SetKind<S, C> kind) {
    AtomicReference<Controller<S>> self = new AtomicReference<>();
    Scope children = Scope.allNamespaces().withLabels(kind.setNameLabel());
    // The manager's shared caches, filled by the watches below and read by the reconciler.
    KindCache<Node> nodes = cache.acquire(client, Node.class, Scope.allNamespaces());
    KindCache<C> childCache = cache.acquire(client, kind.childType(), children);
    ServiceSetReconciler<S, C> reconciler = new ServiceSetReconciler<>(client, kind, nodes::list,
        set -> childCache.list(set.getMetadata().getNamespace()).stream()
            .filter(child -> set.getMetadata().getName().equals(child.getMetadata().getLabels().get(kind.setNameLabel())))
            .toList(),
        Clock.systemUTC());
    Controller<S> controller = Controller.builder(name, client, kind.setType(), reconciler)
        .scope(Scope.allNamespaces())
        .watches(Node.class, Scope.allNamespaces(), everySetWhen(new NodeChanges(nodes), self))
        .watches(kind.childType(), children, KeyMapper.ownedBy(kind.setType()))
        .build();
    self.set(controller);
    return controller;
  }

  private static <S extends HasMetadata> KeyMapper<Node> everySetWhen(NodeChanges changes,
      AtomicReference<Controller<S>> self) {
    return changed -> {
      if (!changes.matters(changed)) {
        return List.of();
      }
      try {
        return self.get().primaryCache().list().stream().map(ResourceKey::of).toList();
      } catch (IllegalStateException notStarted) {
        return List.of(); // every set is queued when reconciling starts anyway
      }
    };
  }
}
