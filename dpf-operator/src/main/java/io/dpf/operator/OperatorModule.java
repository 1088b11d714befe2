package io.dpf.operator;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.dpf.api.LabelKeys;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.operator.inventory.Inventory;
import io.dpf.operator.inventory.ReleaseDefaults;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KeyMapper;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Scope;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DPF operator's one controller. DPFOperatorConfigs are watched in every namespace, so that one
 * that is not the singleton is told it is ignored. Every other watch is scoped to the config's
 * namespace, and workloads and DPUServices to objects carrying the component label (Secrets, Pods
 * and PersistentVolumeClaims are the user's or the workloads' and carry none); each change requeues
 * the singleton. With {@code --no-argocd} the user's Argo CD CRDs are watched by name, so that
 * installing Argo CD later is noticed without a restart.
 */
public final class OperatorModule extends AbstractModule {

  private final OperatorSettings settings;

  public OperatorModule(OperatorSettings settings) {
    this.settings = settings;
  }

  @Provides
  OperatorSettings settings() {
    return settings;
  }

  @ProvidesIntoSet
  Controller<?> dpfOperatorConfigController(KubernetesClient client, InformerCache cache) {
    Scope namespace = Scope.namespace(settings.namespace());
    Scope components = namespace.withLabels(LabelKeys.COMPONENT);
    // The caches of the watches below: the reconciler reads them instead of the API.
    OperatorCaches caches = new OperatorCaches(cache.acquire(client, Secret.class, namespace),
        cache.acquire(client, Deployment.class, components), cache.acquire(client, StatefulSet.class, components),
        cache.acquire(client, DaemonSet.class, components), cache.acquire(client, DPUService.class, components),
        cache.acquire(client, Pod.class, namespace), cache.acquire(client, PersistentVolumeClaim.class, namespace),
        argoCdCrdScopes().stream().collect(Collectors.toMap(Scope::name,
            crd -> cache.acquire(client, CustomResourceDefinition.class, crd), (a, b) -> a, LinkedHashMap::new)));
    DPFOperatorConfigReconciler reconciler = new DPFOperatorConfigReconciler(client, settings,
        new Inventory(ReleaseDefaults.load().withDpuNetworkingHelmChart(settings.dpuNetworkingHelmChart()),
            settings.deployArgoCd()),
        Clock.systemUTC(), caches);
    Controller.Builder<DPFOperatorConfig> controller = Controller.builder("dpfoperatorconfig", client,
        DPFOperatorConfig.class, reconciler)
        .scope(Scope.allNamespaces())
        .workers(1)
        .watches(Deployment.class, components, singleton())
        .watches(StatefulSet.class, components, singleton())
        .watches(DaemonSet.class, components, singleton())
        .watches(DPUService.class, components, singleton())
        .watches(Secret.class, namespace, singleton())
        // Why a rollout is stuck, and the BFB volume the provisioning controller needs.
        .watches(Pod.class, namespace, singleton())
        .watches(PersistentVolumeClaim.class, namespace, singleton());
    argoCdCrdScopes().forEach(crd -> controller.watches(CustomResourceDefinition.class, crd, singleton()));
    return controller.build();
  }

  /** One scope per Argo CD CRD when the user runs Argo CD (the chart grants list/watch on these names only). */
  private List<Scope> argoCdCrdScopes() {
    return settings.deployArgoCd() ? List.of() : Inventory.ARGOCD_CRDS.stream().map(Scope::clusterObject).toList();
  }

  private <T extends HasMetadata> KeyMapper<T> singleton() {
    ResourceKey key = new ResourceKey(settings.namespace(), settings.name());
    return object -> List.of(key);
  }
}
