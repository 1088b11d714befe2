package io.dpf.sfc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.dpf.api.LabelKeys;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KeyMapper;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Scope;
import io.dpf.sfc.chains.ChainPorts;
import io.dpf.sfc.chains.ServiceChainReconciler;
import io.dpf.sfc.interfaces.ServiceInterfaceReconciler;
import io.dpf.sfc.node.SwitchHousekeeping;
import io.dpf.sfc.ovs.OpenFlowTable;
import io.dpf.sfc.ovs.OvsPorts;
import io.dpf.sfc.ovs.OvsTools;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * The per-node controllers of one DPU node: ServiceInterface → ports, ServiceChain → flows, and the
 * switch's housekeeping (restarts, stale flows and ports). No leader election: each node's
 * controller owns its node's objects ({@code spec.node}) and its node's switch alone.
 */
public final class SfcControllerModule extends AbstractModule {

  public static final String FIELD_MANAGER = "sfc-controller";

  private final NodeSettings settings;

  public SfcControllerModule(NodeSettings settings) {
    this.settings = settings;
  }

  /** The three controllers, built together because they read each other's caches. */
  public record NodeControllers(Controller<ServiceInterface> interfaces, Controller<ServiceChain> chains,
      Controller<Node> housekeeping) {
  }

  @Override
  protected void configure() {
    bind(NodeSettings.class).toInstance(settings);
  }

  @Provides
  @Singleton
  OvsPorts ovsPorts() {
    return new OvsPorts(new OvsTools(settings.ovs()));
  }

  @Provides
  @Singleton
  OpenFlowTable sfcTable() {
    return new OpenFlowTable(new OvsTools(settings.ovs()), ChainPorts.SFC_BRIDGE);
  }

  @Provides
  @Singleton
  NodeControllers nodeControllers(KubernetesClient client, OvsPorts ovs, OpenFlowTable table, InformerCache cache) {
    Clock clock = Clock.systemUTC();
    StatusWriter statusWriter = new StatusWriter(new ServerSideApply(client, FIELD_MANAGER),
        client.getKubernetesSerialization());
    Scope everywhere = Scope.allNamespaces();
    Scope servicePods = everywhere.withLabels(LabelKeys.SERVICE_ID);
    // The manager's shared caches: the watches below fill them, the chain reconciler reads them.
    KindCache<ServiceInterface> interfaceCache = cache.acquire(client, ServiceInterface.class, everywhere);
    KindCache<Pod> podCache = cache.acquire(client, Pod.class, servicePods);
    KindCache<ServiceChain> chainCache = cache.acquire(client, ServiceChain.class, everywhere);
    Controller<ServiceInterface> interfaces = Controller.builder("serviceinterface", client, ServiceInterface.class,
        new ServiceInterfaceReconciler(client, settings, ovs, statusWriter, clock)).scope(everywhere).build();
    ServiceChainReconciler.Caches caches = new ServiceChainReconciler.Caches(interfaceCache::list, podCache::list,
        chainCache::list);
    Controller<ServiceChain> chains = Controller.builder("servicechain", client, ServiceChain.class,
            new ServiceChainReconciler(client, settings, ovs, table, caches, statusWriter, clock))
        .scope(everywhere)
        // A chain's ports are the interfaces its labels select, and for services the pods behind them.
        .watches(ServiceInterface.class, everywhere, chainsInNamespace(chainCache))
        .watches(Pod.class, servicePods, chainsInNamespace(chainCache))
        .build();
    Controller<Node> housekeeping = Controller.builder("sfc-switch", client, Node.class,
            new SwitchHousekeeping(client, settings, ovs, table, () -> interfaces, () -> chains, clock))
        .scope(Scope.allNamespaces().withLabels("kubernetes.io/hostname=" + settings.nodeName()))
        .workers(1)
        .build();
    return new NodeControllers(interfaces, chains, housekeeping);
  }

  @ProvidesIntoSet
  Controller<?> serviceInterfaceController(NodeControllers controllers) {
    return controllers.interfaces();
  }

  @ProvidesIntoSet
  Controller<?> serviceChainController(NodeControllers controllers) {
    return controllers.chains();
  }

  @ProvidesIntoSet
  Controller<?> switchHousekeepingController(NodeControllers controllers) {
    return controllers.housekeeping();
  }

  /** The chains of this node in the changed object's namespace. */
  private <T extends HasMetadata> KeyMapper<T> chainsInNamespace(KindCache<ServiceChain> chains) {
    return changed -> chains.list(changed.getMetadata().getNamespace()).stream()
        .filter(chain -> settings.isMine(chain.getSpec().getNode()))
        .map(ResourceKey::of).toList();
  }
}
