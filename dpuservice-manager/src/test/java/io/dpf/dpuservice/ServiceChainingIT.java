package io.dpf.dpuservice;

import static io.dpf.dpuservice.DpuServiceFixture.ARGOCD_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.AnnotationKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceIPAM;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSet;
import io.dpf.api.svc.v1alpha1.ServiceSetStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.nvipam.v1alpha1.CIDRPool;
import io.dpf.api.thirdparty.nvipam.v1alpha1.IPPool;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DPUServiceChain, DPUServiceInterface and DPUServiceIPAM fanned out into two real DPU clusters.
 * The clusters and the manager are shared; each test has a namespace of its own and its own objects
 * in it, and leaves the DPU clusters' labels as it found them, so any one runs alone or in any order.
 */
class ServiceChainingIT {

  static final Duration WAIT = Duration.ofSeconds(90);

  static LocalControlPlane host;
  static LocalControlPlane dpuA;
  static LocalControlPlane dpuB;
  static KubernetesClient client;
  static Manager manager;
  static WriteCounter writes = new WriteCounter();

  @BeforeAll
  static void start() {
    host = LocalControlPlane.startApiServerOnly("chaining-host");
    dpuA = LocalControlPlane.startApiServerOnly("chaining-dpu-a");
    dpuB = LocalControlPlane.startApiServerOnly("chaining-dpu-b");
    client = host.client();
    DpuServiceFixture.prepareHost(host);
    DpuServiceFixture.prepareDpuCluster(dpuA);
    DpuServiceFixture.prepareDpuCluster(dpuB);
    DpuServiceFixture.registerDpuCluster(host, "dpu-a", dpuA);
    DpuServiceFixture.registerDpuCluster(host, "dpu-b", dpuB);
    DpuServiceFixture.installChartRbac(host);
    manager = DpuServiceFixture.startManager(host, writes);
  }

  @AfterAll
  static void stop() {
    DpuServiceFixture.closeAll(manager, dpuB, dpuA, host);
  }

  @Test
  void chainBecomesAServiceChainSetInEveryDpuCluster_readyWhenTheTestReportsTheSetsReadyAsTheSetControllerWould() {
    String ns = namespace("chain");
    client.resource(chain(ns, "chain-a")).create();

    await().atMost(WAIT).untilAsserted(() -> {
      for (LocalControlPlane dpu : List.of(dpuA, dpuB)) {
        ServiceChainSet set = dpu.client().resources(ServiceChainSet.class).inNamespace(ns).withName("chain-a").get();
        assertThat(set).as("ServiceChainSet in %s", dpu.name()).isNotNull();
        assertThat(set.getMetadata().getLabels()).containsEntry("team", "net");
        assertThat(set.getSpec().getTemplate().getSpec().getSwitches().get(0).getPorts()).hasSize(2);
      }
    });
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(DPUServiceChain.class, ns, "chain-a",
        ConditionTypes.DPUServiceChain.SERVICE_CHAIN_SET_READY)).hasValueSatisfying(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getMessage()).contains("dpu-a: ServiceChainSet chain-a is not ready");
        }));

    for (LocalControlPlane dpu : List.of(dpuA, dpuB)) {
      await().atMost(WAIT).untilAsserted(() -> markReady(dpu, ServiceChainSet.class, ns, "chain-a"));
    }
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(DPUServiceChain.class, ns, "chain-a", ConditionTypes.READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True")));
  }

  @Test
  void clusterSelectorPicksDpuClustersByLabel_andARelabelledClusterLosesTheChild() {
    String ns = namespace("selector");
    labelCluster("dpu-a", "tier", "gold");
    try {
      client.resource(appIface(ns, "{matchLabels: {tier: gold}}")).create();

      await().atMost(WAIT).untilAsserted(() ->
          assertThat(dpuA.client().resources(ServiceInterfaceSet.class).inNamespace(ns).withName("app-iface").get()).isNotNull());
      assertThat(dpuB.client().resources(ServiceInterfaceSet.class).inNamespace(ns).withName("app-iface").get()).isNull();

      labelCluster("dpu-a", "tier", "silver");
      await().atMost(WAIT).untilAsserted(() ->
          assertThat(dpuA.client().resources(ServiceInterfaceSet.class).inNamespace(ns).withName("app-iface").get()).isNull());
      labelCluster("dpu-a", "tier", "gold");
      await().atMost(WAIT).untilAsserted(() ->
          assertThat(dpuA.client().resources(ServiceInterfaceSet.class).inNamespace(ns).withName("app-iface").get()).isNotNull());
    } finally {
      labelCluster("dpu-a", "tier", null);
    }
  }

  @Test
  void dpuServiceWithAnInterfaceMarksItConsumedAndAttachesItsPodsThroughMultus() {
    String ns = namespace("iface");
    client.resource(appIface(ns, "{}")).create();
    client.resource(serviceUsingAppIface(ns, "app")).create();

    await().atMost(WAIT).untilAsserted(() -> {
      DPUServiceInterface iface = client.resources(DPUServiceInterface.class).inNamespace(ns).withName("app-iface").get();
      assertThat(iface.getMetadata().getAnnotations()).containsEntry(AnnotationKeys.CONSUMED_BY, "app");
      Application app = client.resources(Application.class).inNamespace(ARGOCD_NAMESPACE).withName("dpu-a-app").get();
      assertThat(app).isNotNull();
      assertThat(app.getSpec().getSource().getHelm().getValuesObject().at("/serviceDaemonSet/annotations")
          .get(AnnotationKeys.MULTUS_NETWORKS).asText()).isEqualTo("[{\"name\":\"mybrsfc\",\"interface\":\"net1\"}]");
      assertThat(condition(DPUService.class, ns, "app", ConditionTypes.DPUService.DPU_SERVICE_INTERFACE_RECONCILED))
          .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
    });

    client.resource(serviceUsingAppIface(ns, "app-copy")).create();
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(condition(DPUService.class, ns, "app-copy", ConditionTypes.DPUService.DPU_SERVICE_INTERFACE_RECONCILED))
            .hasValueSatisfying(c -> {
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getMessage()).contains("already used by DPUService app");
            }));
    assertThat(client.resources(Application.class).inNamespace(ARGOCD_NAMESPACE).withName("dpu-a-app-copy").get())
        .as("nothing deployed without its interfaces").isNull();
  }

  @Test
  void ipamBecomesACidrPoolForANetworkAndAnIpPoolForASubnet_andAddressesOutsideTheNetworkAreRefused() {
    String ns = namespace("ipam");
    createPools(ns);

    await().atMost(WAIT).untilAsserted(() -> {
      for (LocalControlPlane dpu : List.of(dpuA, dpuB)) {
        CIDRPool cidrPool = dpu.client().resources(CIDRPool.class).inNamespace(ns).withName("pool-net").get();
        assertThat(cidrPool).isNotNull();
        assertThat(cidrPool.getSpec().getCidr()).isEqualTo("10.0.0.0/16");
        assertThat(cidrPool.getSpec().getPerNodeNetworkPrefix()).isEqualTo(24);
        assertThat(cidrPool.getSpec().getStaticAllocations()).singleElement()
            .satisfies(a -> assertThat(a.getPrefix()).isEqualTo("10.0.7.0/24"));
        assertThat(cidrPool.getMetadata().getLabels()).containsEntry("svc.dpu.nvidia.com/pool", "pool-net");
        IPPool ipPool = dpu.client().resources(IPPool.class).inNamespace(ns).withName("pool-subnet").get();
        assertThat(ipPool).isNotNull();
        assertThat(ipPool.getSpec().getPerNodeBlockSize()).isEqualTo(256);
      }
      assertThat(condition(DPUServiceIPAM.class, ns, "pool-net", ConditionTypes.READY))
          .hasValueSatisfying(c -> assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
      assertThat(condition(DPUServiceIPAM.class, ns, "pool-bad", ConditionTypes.DPUServiceIPAM.DPU_IPAM_OBJECT_RECONCILED))
          .hasValueSatisfying(c -> {
            assertThat(c.getReason()).isEqualTo("Failure");
            assertThat(c.getMessage()).contains("gateway 10.1.1.1 is outside the subnet");
          });
    });
    assertThat(dpuA.client().resources(IPPool.class).inNamespace(ns).withName("pool-bad").get()).isNull();
  }

  @Test
  void anUnchangedWorldOfChainsInterfacesPoolsAndServicesMakesNoWrites() throws InterruptedException {
    // A world of every kind, each settled in the state the other tests leave theirs in.
    String ns = namespace("quiet");
    readyChain(ns, "chain-q");
    client.resource(appIface(ns, "{}")).create();
    client.resource(serviceUsingAppIface(ns, "app-q")).create();
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(condition(DPUService.class, ns, "app-q", ConditionTypes.DPUService.DPU_SERVICE_INTERFACE_RECONCILED))
            .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True")));
    client.resource(serviceUsingAppIface(ns, "app-q-copy")).create(); // refused: app-q holds the interface
    createPools(ns);
    await().atMost(WAIT).untilAsserted(() -> {
      for (LocalControlPlane dpu : List.of(dpuA, dpuB)) {
        assertThat(dpu.client().resources(ServiceInterfaceSet.class).inNamespace(ns).withName("app-iface").get()).isNotNull();
        assertThat(dpu.client().resources(CIDRPool.class).inNamespace(ns).withName("pool-net").get()).isNotNull();
        assertThat(dpu.client().resources(IPPool.class).inNamespace(ns).withName("pool-subnet").get()).isNotNull();
      }
      assertThat(condition(DPUService.class, ns, "app-q-copy", ConditionTypes.DPUService.DPU_SERVICE_INTERFACE_RECONCILED))
          .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
      assertThat(condition(DPUServiceIPAM.class, ns, "pool-bad", ConditionTypes.DPUServiceIPAM.DPU_IPAM_OBJECT_RECONCILED))
          .hasValueSatisfying(c -> assertThat(c.getReason()).isEqualTo("Failure"));
    });

    assertThat(DpuServiceFixture.writesWhileNothingChanges(writes, Duration.ofSeconds(10)))
        .as("writes by the manager over 10 s of nothing changing").isEmpty();
  }

  @Test
  void deletingAChainDeletesItsSetsInEveryDpuClusterBeforeItGoes() {
    String ns = namespace("deleted");
    readyChain(ns, "chain-a");
    client.resources(DPUServiceChain.class).inNamespace(ns).withName("chain-a").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(client.resources(DPUServiceChain.class).inNamespace(ns).withName("chain-a").get()).isNull();
      assertThat(dpuA.client().resources(ServiceChainSet.class).inNamespace(ns).withName("chain-a").get()).isNull();
      assertThat(dpuB.client().resources(ServiceChainSet.class).inNamespace(ns).withName("chain-a").get()).isNull();
    });
  }

  /** A namespace of the test's own on the host: {@code chaining-<name>}. */
  static String namespace(String name) {
    String ns = "chaining-" + name;
    DpuServiceFixture.namespace(client, ns);
    return ns;
  }

  /** DPUServiceChain {@code name}, its ServiceChainSets reported Ready in both DPU clusters, and it Ready. */
  static void readyChain(String ns, String name) {
    client.resource(chain(ns, name)).create();
    for (LocalControlPlane dpu : List.of(dpuA, dpuB)) {
      await().atMost(WAIT).untilAsserted(() -> markReady(dpu, ServiceChainSet.class, ns, name));
    }
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(DPUServiceChain.class, ns, name, ConditionTypes.READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True")));
  }

  /** A chain of every DPU cluster (no selector) from the uplink p0 to the interface app. */
  static DPUServiceChain chain(String ns, String name) {
    return load(DPUServiceChain.class, """
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceChain
        metadata: {name: %s, namespace: %s}
        spec:
          template:
            metadata: {labels: {team: net}}
            spec:
              template:
                spec:
                  switches:
                  - ports:
                    - serviceInterface: {matchLabels: {svc.dpu.nvidia.com/interface: p0}}
                    - serviceInterface: {matchLabels: {svc.dpu.nvidia.com/interface: app}}
        """.formatted(name, ns));
  }

  /** DPUServiceInterface app-iface, of the service app on network mybrsfc, in the DPU clusters {@code clusterSelector} picks. */
  static DPUServiceInterface appIface(String ns, String clusterSelector) {
    return load(DPUServiceInterface.class, """
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceInterface
        metadata: {name: app-iface, namespace: %s}
        spec:
          clusterSelector: %s
          template:
            spec:
              template:
                metadata: {labels: {svc.dpu.nvidia.com/interface: app}}
                spec:
                  interfaceType: service
                  service: {serviceID: app, network: mybrsfc, interfaceName: net1}
        """.formatted(ns, clusterSelector));
  }

  /** pool-net (a network, CIDRPool), pool-subnet (a subnet, IPPool) and pool-bad (its gateway outside its subnet). */
  static void createPools(String ns) {
    client.resource(load(DPUServiceIPAM.class, """
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceIPAM
        metadata: {name: pool-net, namespace: %s}
        spec:
          metadata: {labels: {svc.dpu.nvidia.com/pool: pool-net}}
          ipv4Network:
            network: 10.0.0.0/16
            prefixSize: 24
            gatewayIndex: 1
            exclusions: [10.0.0.5]
            allocations: {dpu-node-1: 10.0.7.0/24}
        """.formatted(ns))).create();
    client.resource(load(DPUServiceIPAM.class, """
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceIPAM
        metadata: {name: pool-subnet, namespace: %s}
        spec:
          ipv4Subnet: {subnet: 192.168.0.0/20, gateway: 192.168.0.1, perNodeIPCount: 256}
        """.formatted(ns))).create();
    client.resource(load(DPUServiceIPAM.class, """
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceIPAM
        metadata: {name: pool-bad, namespace: %s}
        spec:
          ipv4Subnet: {subnet: 192.168.0.0/20, gateway: 10.1.1.1, perNodeIPCount: 256}
        """.formatted(ns))).create();
  }

  /** A DPUService of the service app, with interface app-iface. */
  static DPUService serviceUsingAppIface(String ns, String name) {
    return load(DPUService.class, """
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUService
        metadata: {name: %s, namespace: %s}
        spec:
          serviceID: app
          interfaces: [app-iface]
          helmChart:
            source: {repoURL: "https://helm.example.com", chart: app, version: "1.0.0"}
        """.formatted(name, ns));
  }

  static <T extends HasMetadata> T load(Class<T> type, String yaml) {
    return client.getKubernetesSerialization().unmarshal(yaml, type);
  }

  /** Sets label {@code key} of DPUCluster {@code name}; a null value removes it. */
  static void labelCluster(String name, String key, String value) {
    client.resources(DPUCluster.class).inNamespace(DpuServiceFixture.clusterNamespace(name)).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"%s\":%s}}}".formatted(key,
            value == null ? "null" : "\"" + value + "\""));
  }

  /** What the servicechainset-controller in the DPU cluster would report once every node has its chain. */
  static <T extends CustomResource<?, ServiceSetStatus>> void markReady(LocalControlPlane dpu, Class<T> type, String ns,
      String name) {
    T set = dpu.client().resources(type).inNamespace(ns).withName(name).get();
    assertThat(set).as("%s %s in %s", type.getSimpleName(), name, dpu.name()).isNotNull(); // retried until fanned out
    ServiceSetStatus status = new ServiceSetStatus();
    Condition ready = new ConditionBuilder().withType("Ready").withStatus("True").withReason("Success").withMessage("")
        .withLastTransitionTime(Instant.now().toString()).build();
    status.setConditions(List.of(ready));
    set.setStatus(status);
    dpu.client().resource(set).updateStatus();
  }

  static <T extends CustomResource<?, ? extends ConditionedStatus>> Optional<Condition> condition(Class<T> type,
      String ns, String name, String conditionType) {
    T object = client.resources(type).inNamespace(ns).withName(name).get();
    if (object == null || object.getStatus() == null || object.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return object.getStatus().getConditions().stream().filter(c -> conditionType.equals(c.getType())).findFirst();
  }
}
