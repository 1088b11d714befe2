package io.dpf.dpuservice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProject;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.dpuservice.clusters.DpuClusterClients;
import io.dpf.dpuservice.clusters.DpuClusterLinks;
import io.dpf.dpuservice.clusters.DpuClusterRegistry;
import io.dpf.dpuservice.clusters.KubeconfigSecretWatches;
import io.dpf.dpuservice.credentials.CredentialSecrets;
import io.dpf.dpuservice.credentials.DPUServiceCredentialRequestReconciler;
import io.dpf.dpuservice.deployment.DPUDeploymentReconciler;
import io.dpf.dpuservice.dpuservice.ApplicationChanges;
import io.dpf.dpuservice.dpuservice.DPUServiceReconciler;
import io.dpf.dpuservice.fanout.DPUServiceChainFanOut;
import io.dpf.dpuservice.fanout.DPUServiceIPAMFanOut;
import io.dpf.dpuservice.fanout.DPUServiceInterfaceFanOut;
import io.dpf.dpuservice.fanout.FanOutKind;
import io.dpf.dpuservice.fanout.FanOutReconciler;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KeyMapper;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Scope;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The DPUService controller-manager's controllers (DPUService; DPUServiceChain, DPUServiceInterface
 * and DPUServiceIPAM fan-out; DPUServiceCredentialRequest; DPUDeployment) and the DPU cluster registry they share.
 * Host watches of objects we write are scoped by labels; DPUClusters, the DPFOperatorConfig and
 * DPUServiceInterfaces are few and watched whole.
 */
public final class DpuServiceManagerModule extends AbstractModule {

  private final ResourceKey operatorConfig;
  private final Supplier<DpuClusterClients> clusterClients;

  /** DPU-cluster clients from {@link ClusterClients}; the operator's config at DPF's default name. */
  public DpuServiceManagerModule() {
    this(DEFAULT_CONFIG);
  }

  /** @param operatorConfig the DPFOperatorConfig whose namespace is Argo CD's ({@code --config-namespace/-name}) */
  public DpuServiceManagerModule(ResourceKey operatorConfig) {
    this(operatorConfig, () -> DpuClusterClients.of(new ClusterClients()));
  }

  /** With other DPU-cluster clients, e.g. ones that count their writes in tests. */
  public DpuServiceManagerModule(Supplier<DpuClusterClients> clusterClients) {
    this(DEFAULT_CONFIG, clusterClients);
  }

  public DpuServiceManagerModule(ResourceKey operatorConfig, Supplier<DpuClusterClients> clusterClients) {
    this.operatorConfig = operatorConfig;
    this.clusterClients = clusterClients;
  }

  /** How often the DPU clusters' watches are looked at (a local flag; no request). */
  private static final Duration LINK_CHECK_INTERVAL = Duration.ofSeconds(2);

  static final ResourceKey DEFAULT_CONFIG = new ResourceKey(OperatorNames.CONFIG_NAMESPACE, OperatorNames.CONFIG_NAME);

  @Provides
  @Singleton
  DpuClusterRegistry dpuClusterRegistry(KubernetesClient client, InformerCache cache) {
    // The DPUCluster cache every controller here watches: one informer for the kind.
    return new DpuClusterRegistry(client, clusterClients.get(),
        cache.acquire(client, DPUCluster.class, Scope.allNamespaces()), new DpuClusterLinks(LINK_CHECK_INTERVAL));
  }

  @ProvidesIntoSet
  Controller<?> dpuServiceController(KubernetesClient client, DpuClusterRegistry registry, InformerCache cache) {
    AtomicReference<Controller<DPUService>> self = new AtomicReference<>();
    Scope everywhere = Scope.allNamespaces();
    // The caches its watches below fill: the reconciler reads them instead of the API.
    Scope argoCd = Scope.namespace(operatorConfig.namespace());
    DPUServiceReconciler.Caches caches = new DPUServiceReconciler.Caches(
        cache.acquire(client, DPUService.class, everywhere), cache.acquire(client, DPFOperatorConfig.class, everywhere),
        cache.acquire(client, Application.class, everywhere.withLabels(LabelKeys.DPU_SERVICE_NAME)),
        cache.acquire(client, DPUServiceInterface.class, everywhere),
        cache.acquire(client, AppProject.class, argoCd),
        cache.acquire(client, Secret.class, argoCd.withLabels(DPUServiceReconciler.ARGOCD_CLUSTER_SECRETS)),
        cache.acquire(client, Secret.class, everywhere.withLabels(LabelKeys.IMAGE_PULL_SECRET)));
    Controller<DPUService> controller = Controller.builder("dpuservice", client, DPUService.class,
            new DPUServiceReconciler(client, registry, Clock.systemUTC(), caches, operatorConfig))
        .scope(everywhere)
        .watches(Application.class, everywhere.withLabels(LabelKeys.DPU_SERVICE_NAME),
            KeyMapper.fromLabels(LabelKeys.DPU_SERVICE_NAMESPACE, LabelKeys.DPU_SERVICE_NAME),
            ApplicationChanges::matter)
        // A DPU cluster that comes or goes changes every DPUService's Applications.
        .watches(DPUCluster.class, everywhere, allOf(self))
        // Where ArgoCD lives (and who owns its objects) is the operator config's namespace; others change nothing.
        .watches(DPFOperatorConfig.class, everywhere, onlyFor(operatorConfig, allOf(self)))
        .watches(Secret.class, everywhere.withLabels(LabelKeys.IMAGE_PULL_SECRET), inSameNamespace(self))
        // An interface that appears, changes or loses its consumed-by mark changes its services' values.
        .watches(DPUServiceInterface.class, everywhere, usersOfInterface(self))
        .build();
    self.set(controller);
    // A kubeconfig Secret deleted or recreated changes what every DPUService can reach.
    registry.readKubeconfigSecretsFrom(new KubeconfigSecretWatches(client, self::get, allOf(self)));
    // A copy deleted or changed in a DPU cluster is put back by its namespace's DPUServices.
    registry.onPullSecretCopyChange(namespace -> primaries(self).stream()
        .filter(service -> namespace.equals(service.getMetadata().getNamespace()))
        .forEach(service -> self.get().enqueue(ResourceKey.of(service))));
    registry.onReachabilityChange(() -> enqueueAll(self));
    return controller;
  }

  @ProvidesIntoSet
  Controller<?> dpuServiceChainController(KubernetesClient client, DpuClusterRegistry registry) {
    return fanOutController("dpuservicechain", client, registry, new DPUServiceChainFanOut());
  }

  @ProvidesIntoSet
  Controller<?> dpuServiceInterfaceController(KubernetesClient client, DpuClusterRegistry registry) {
    return fanOutController("dpuserviceinterface", client, registry, new DPUServiceInterfaceFanOut());
  }

  @ProvidesIntoSet
  Controller<?> dpuServiceIpamController(KubernetesClient client, DpuClusterRegistry registry) {
    return fanOutController("dpuserviceipam", client, registry, new DPUServiceIPAMFanOut());
  }

  @ProvidesIntoSet
  Controller<?> dpuServiceCredentialRequestController(KubernetesClient client, DpuClusterRegistry registry) {
    return Controller.builder("dpuservicecredentialrequest", client, DPUServiceCredentialRequest.class,
            new DPUServiceCredentialRequestReconciler(client, registry, Clock.systemUTC()))
        .scope(Scope.allNamespaces())
        // A Secret deleted or changed by someone else is written again.
        .watches(Secret.class, Scope.allNamespaces().withLabels(CredentialSecrets.NAME_LABEL),
            KeyMapper.fromLabels(CredentialSecrets.NAMESPACE_LABEL, CredentialSecrets.NAME_LABEL))
        .build();
  }

  @ProvidesIntoSet
  Controller<?> dpuDeploymentController(KubernetesClient client) {
    AtomicReference<Controller<DPUDeployment>> self = new AtomicReference<>();
    Controller.Builder<DPUDeployment> builder = Controller.builder("dpudeployment", client, DPUDeployment.class,
            new DPUDeploymentReconciler(client, Clock.systemUTC()))
        .scope(Scope.allNamespaces());
    for (Class<? extends HasMetadata> child : DPUDeploymentReconciler.CHILD_KINDS) {
      builder.watches(child, Scope.allNamespaces().withLabels(LabelKeys.OWNED_BY_DPU_DEPLOYMENT), ownerFromLabel());
    }
    // What a deployment refers to may appear or change after it: every deployment of the namespace looks again.
    for (Class<? extends HasMetadata> input : List.of(DPUServiceTemplate.class, DPUServiceConfiguration.class,
        BFB.class, DPUFlavor.class)) {
      builder.watches(input, Scope.allNamespaces(), inSameNamespace(self));
    }
    Controller<DPUDeployment> controller = builder.build();
    self.set(controller);
    return controller;
  }

  /** {@code svc.dpu.nvidia.com/owned-by-dpudeployment=<namespace>_<name>} names the owning DPUDeployment. */
  private static <T extends HasMetadata> KeyMapper<T> ownerFromLabel() {
    return child -> {
      String owner = child.getMetadata().getLabels() == null ? null
          : child.getMetadata().getLabels().get(LabelKeys.OWNED_BY_DPU_DEPLOYMENT);
      int separator = owner == null ? -1 : owner.indexOf('_');
      return separator < 0 ? List.of()
          : List.of(new ResourceKey(owner.substring(0, separator), owner.substring(separator + 1)));
    };
  }

  private static <P extends CustomResource<?, ? extends ConditionedStatus>> Controller<P> fanOutController(
      String name, KubernetesClient client, DpuClusterRegistry registry, FanOutKind<P> kind) {
    AtomicReference<Controller<P>> self = new AtomicReference<>();
    Controller<P> controller = Controller.builder(name, client, kind.parentType(),
            new FanOutReconciler<>(client, kind, registry, Clock.systemUTC(), self::get))
        .scope(Scope.allNamespaces())
        // Clusters that come, go or change labels change where children belong.
        .watches(DPUCluster.class, Scope.allNamespaces(), allOf(self))
        .build();
    self.set(controller);
    registry.onReachabilityChange(() -> enqueueAll(self));
    return controller;
  }

  private static <P extends HasMetadata> void enqueueAll(AtomicReference<Controller<P>> self) {
    primaries(self).forEach(primary -> self.get().enqueue(ResourceKey.of(primary)));
  }

  private static <T extends HasMetadata> KeyMapper<T> onlyFor(ResourceKey key, KeyMapper<T> mapper) {
    return changed -> key.equals(ResourceKey.of(changed)) ? mapper.keysFor(changed) : List.of();
  }

  private static KeyMapper<DPUServiceInterface> usersOfInterface(AtomicReference<Controller<DPUService>> self) {
    return changed -> primaries(self).stream()
        .filter(service -> service.getMetadata().getNamespace().equals(changed.getMetadata().getNamespace())
            && service.getSpec().getInterfaces() != null
            && service.getSpec().getInterfaces().contains(changed.getMetadata().getName()))
        .map(ResourceKey::of).toList();
  }

  /** Every DPUService (none before the controller's own cache runs: it then queues them all anyway). */
  private static <T extends HasMetadata, P extends HasMetadata> KeyMapper<T> allOf(AtomicReference<Controller<P>> self) {
    return changed -> primaries(self).stream().map(ResourceKey::of).toList();
  }

  private static <T extends HasMetadata, P extends HasMetadata> KeyMapper<T> inSameNamespace(
      AtomicReference<Controller<P>> self) {
    return changed -> primaries(self).stream()
        .filter(service -> service.getMetadata().getNamespace().equals(changed.getMetadata().getNamespace()))
        .map(ResourceKey::of).toList();
  }

  private static <P extends HasMetadata> List<P> primaries(AtomicReference<Controller<P>> self) {
    Controller<P> controller = self.get();
    try {
      return controller == null ? List.of() : controller.primaryCache().list();
    } catch (IllegalStateException notStarted) {
      return List.of();
    }
  }
}
