package io.dpf.provisioning;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.InstallInterface;
import io.dpf.provisioning.bfb.BfbDownloader;
import io.dpf.provisioning.bfb.BfbDownloads;
import io.dpf.provisioning.bfb.BfbReconciler;
import io.dpf.provisioning.dpu.DpuClusterAccess;
import io.dpf.provisioning.dpu.DpuPhaseMetrics;
import io.dpf.provisioning.dpu.DpuReconciler;
import io.dpf.provisioning.dpu.ImageServer;
import io.dpf.provisioning.dpu.Installers;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.provisioning.dpu.install.HostAgentInstaller;
import io.dpf.provisioning.dpu.install.HostAgentSettings;
import io.dpf.provisioning.dpu.install.OsInstaller;
import io.dpf.provisioning.dpu.install.RedfishInstaller;
import io.dpf.provisioning.dpu.install.RshimInstaller;
import io.dpf.provisioning.dpu.phases.DpuClusterAllocator;
import io.dpf.provisioning.dpu.phases.DpuClusterConfig;
import io.dpf.provisioning.dpu.phases.ErrorPhase;
import io.dpf.provisioning.dpu.phases.Initializing;
import io.dpf.provisioning.dpu.phases.NodeEffectPhase;
import io.dpf.provisioning.dpu.phases.OsInstalling;
import io.dpf.provisioning.dpu.phases.Pending;
import io.dpf.provisioning.dpu.phases.ReadyPhase;
import io.dpf.provisioning.dpu.phases.Rebooting;
import io.dpf.provisioning.dpucluster.DpuClusterReconciler;
import io.dpf.provisioning.dpucluster.join.JoinCredentials;
import io.dpf.provisioning.dpuset.DpuSetReconciler;
import io.dpf.provisioning.flavor.DpuFlavorReconciler;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KeyMapper;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Scope;
import io.dpf.runtime.controller.UpdateFilter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The provisioning manager's controllers. Each is one class; this module only says what runs and what it watches. */
public final class ProvisioningModule extends AbstractModule {

  /**
   * DPU reconciles wait on BMCs, hosts and DPU clusters: a BMC that accepts connections and never
   * answers holds a worker until the client's timeout. With few workers a handful of such BMCs stall
   * every other DPU; sixteen idle threads cost little.
   */
  static final int DPU_WORKERS = 16;

  private final ProvisioningSettings settings;
  private final HostAgentSettings hostAgent;

  public ProvisioningModule(ProvisioningSettings settings) {
    this(settings, null);
  }

  /** @param hostAgent how to run rshim host agent pods; null: only a local {@code rshimRoot} offers hostAgent */
  public ProvisioningModule(ProvisioningSettings settings, HostAgentSettings hostAgent) {
    this.settings = settings;
    this.hostAgent = hostAgent;
  }

  @Provides
  ProvisioningSettings settings() {
    return settings;
  }

  @Provides
  @Singleton
  BfbDownloads downloads() {
    return new BfbDownloads(BfbDownloader.withDefaultClient(), Clock.systemUTC());
  }

  @Provides
  @Singleton
  ImageServer imageServer() {
    try {
      return ImageServer.start(settings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve images on port " + settings.imageServerPort(), e);
    }
  }

  @Provides
  @Singleton
  ClusterClients clusterClients() {
    return new ClusterClients();
  }

  @Provides
  @Singleton
  Installers installers() {
    Map<InstallInterface, OsInstaller> installers = new EnumMap<>(InstallInterface.class);
    RedfishInstaller redfish = new RedfishInstaller();
    // BMC sessions are ended on exit, not left on the BMC (bmcweb keeps them on flash) until they time out.
    Runtime.getRuntime().addShutdownHook(new Thread(redfish::close, "bmc-logout"));
    installers.put(InstallInterface.REDFISH, redfish);
    if (settings.rshimRoot() != null) {
      // This process sees the hosts' rshim devices itself (a manager on the host, development).
      installers.put(InstallInterface.HOST_AGENT, new RshimInstaller(settings.rshimRoot()));
    } else if (hostAgent != null) {
      installers.put(InstallInterface.HOST_AGENT, new HostAgentInstaller(hostAgent));
    }
    return new Installers(installers);
  }

  /** Who uses a BFB or flavor, from the shared DPUSet and DPU caches. */
  @Provides
  @Singleton
  References references(KubernetesClient client, InformerCache cache) {
    return new References(cache.acquire(client, DPUSet.class, Scope.allNamespaces()),
        cache.acquire(client, DPU.class, Scope.allNamespaces()));
  }

  @ProvidesIntoSet
  Controller<?> dpuController(KubernetesClient client, Installers installers, ImageServer images, ClusterClients clients,
      MeterRegistry registry, InformerCache cache) {
    KindCache<DPUCluster> dpuClusters = cache.acquire(client, DPUCluster.class, Scope.allNamespaces());
    DpuClusterAccess clusters = new DpuClusterAccess(clients, dpuClusters);
    DpuClusterAllocator allocator = new DpuClusterAllocator(cache.acquire(client, DPU.class, Scope.allNamespaces()),
        dpuClusters);
    KindCache<BFB> bfbs = cache.acquire(client, BFB.class, Scope.allNamespaces());
    KindCache<DPUFlavor> flavors = cache.acquire(client, DPUFlavor.class, Scope.allNamespaces());
    List<PhaseHandler> phases = List.of(new Initializing(cache.acquire(client, Node.class, Scope.allNamespaces()), allocator),
        new NodeEffectPhase(), new Pending(bfbs, flavors),
        new OsInstalling(installers, images, clusters, new JoinCredentials(Clock.systemUTC()), bfbs, flavors),
        new Rebooting(installers), new DpuClusterConfig(clusters),
        new ReadyPhase(clusters), new ErrorPhase());
    Controller<DPU> controller = Controller.builder("dpu", client, DPU.class,
            new DpuReconciler(client, settings, phases, clusters, installers, Clock.systemUTC()))
        .scope(Scope.allNamespaces())
        .workers(DPU_WORKERS)
        .build();
    DpuPhaseMetrics.bindTo(registry, controller);
    return controller;
  }

  @ProvidesIntoSet
  Controller<?> dpuClusterController(KubernetesClient client, ClusterClients clients) {
    return Controller.builder("dpucluster", client, DPUCluster.class,
            new DpuClusterReconciler(client, clients, settings, new JoinCredentials(Clock.systemUTC()), Clock.systemUTC()))
        .scope(Scope.allNamespaces())
        .build();
  }

  @ProvidesIntoSet
  Controller<?> bfbController(KubernetesClient client, BfbDownloads downloads, MeterRegistry registry,
      References references) {
    downloads.bindTo(registry);
    return Controller.builder("bfb", client, BFB.class,
            new BfbReconciler(client, settings, downloads, references, Clock.systemUTC()))
        .scope(Scope.allNamespaces())
        // A BFB waiting to be deleted is released when its last user goes. Users are found by spec,
        // so the status writes a DPU makes on its way through the phases do not matter here.
        .watches(DPU.class, Scope.allNamespaces(), dpu -> dpu.getSpec() == null || dpu.getSpec().getBfb() == null
            ? List.of() : List.of(new ResourceKey(dpu.getMetadata().getNamespace(), dpu.getSpec().getBfb())),
            sameUse(dpu -> dpu.getSpec() == null ? null : dpu.getSpec().getBfb()))
        .watches(DPUSet.class, Scope.allNamespaces(), ProvisioningModule::bfbOfSet, sameUse(References::bfbOf))
        .build();
  }

  @ProvidesIntoSet
  Controller<?> dpuFlavorController(KubernetesClient client, References references) {
    return Controller.builder("dpuflavor", client, DPUFlavor.class,
            new DpuFlavorReconciler(client, references, Clock.systemUTC()))
        .scope(Scope.allNamespaces())
        // A flavor waiting to be deleted is released when its last user goes (found by spec, as for BFBs).
        .watches(DPU.class, Scope.allNamespaces(), dpu -> dpu.getSpec() == null || dpu.getSpec().getDpuFlavor() == null
            ? List.of() : List.of(new ResourceKey(dpu.getMetadata().getNamespace(), dpu.getSpec().getDpuFlavor())),
            sameUse(dpu -> dpu.getSpec() == null ? null : dpu.getSpec().getDpuFlavor()))
        .watches(DPUSet.class, Scope.allNamespaces(), ProvisioningModule::flavorOfSet, sameUse(References::flavorOf))
        .build();
  }

  @ProvidesIntoSet
  Controller<?> dpuSetController(KubernetesClient client, InformerCache cache) {
    AtomicReference<Controller<DPUSet>> self = new AtomicReference<>();
    Controller<DPUSet> controller = Controller.builder("dpuset", client, DPUSet.class,
            new DpuSetReconciler(client, cache.acquire(client, DPU.class, Scope.allNamespaces()),
                cache.acquire(client, Node.class, Scope.allNamespaces())))
        .scope(Scope.allNamespaces())
        // All DPUs, not only labelled ones: the DPU controller's cache, so DPUs are cached once.
        .watches(DPU.class, Scope.allNamespaces(), KeyMapper.fromLabels(LabelKeys.DPUSET_NAMESPACE, LabelKeys.DPUSET_NAME))
        // Node label changes can select or drop nodes: every set looks again (DPF does the same).
        .watches(Node.class, Scope.allNamespaces(),
            node -> self.get().primaryCache().list().stream().map(ResourceKey::of).toList())
        .build();
    self.set(controller);
    return controller;
  }

  /** An update matters when it changes what the object uses, or starts its deletion. */
  private static <T extends HasMetadata> UpdateFilter<T> sameUse(Function<T, String> used) {
    return (before, after) -> !Objects.equals(used.apply(before), used.apply(after))
        || before.getMetadata().getDeletionTimestamp() == null && after.getMetadata().getDeletionTimestamp() != null;
  }

  private static List<ResourceKey> flavorOfSet(DPUSet set) {
    return Optional.ofNullable(References.flavorOf(set))
        .map(name -> List.of(new ResourceKey(set.getMetadata().getNamespace(), name))).orElse(List.of());
  }

  private static List<ResourceKey> bfbOfSet(DPUSet set) {
    return Optional.ofNullable(References.bfbOf(set))
        .map(name -> List.of(new ResourceKey(set.getMetadata().getNamespace(), name))).orElse(List.of());
  }
}
