package io.dpf.servicechainset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.ApiTypes;
import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.dpf.api.svc.v1alpha1.ServiceChainStatus;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSet;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.testkit.ChartRbac;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.OwnedObjects;
import io.dpf.testkit.ReconcileCounts;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The set controllers in a real DPU cluster (KWOK nodes), with exactly the chart's RBAC: one child
 * per selected node named {@code <set>-<node>}, numbers and conditions, nodes that come, are
 * relabelled or go, and deletion. Each test has a namespace and nodes of its own and removes them.
 */
class ServiceSetIT {

  static final String RELEASE_NAMESPACE = "dpf-operator-system";
  static final Duration WAIT = Duration.ofSeconds(60);

  static LocalControlPlane dpu;
  static KubernetesClient client;
  static Manager manager;
  static final WriteCounter writes = new WriteCounter();

  OwnedObjects owned;

  @BeforeAll
  static void start() {
    dpu = LocalControlPlane.start("sets-dpu");
    client = dpu.client();
    dpu.installCrds(ApiTypes.DPU_CLUSTER_KINDS.stream().map(ApiTypes::crd).toList());
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(RELEASE_NAMESPACE).endMetadata()
        .build()).create();
    ChartRbac.install(dpu, ChartRbac.chart("dpu-networking", "charts", "servicechainset-controller"),
        "servicechainset-controller", RELEASE_NAMESPACE);
    Config config = ChartRbac.asServiceAccount(dpu, RELEASE_NAMESPACE, "servicechainset-controller");
    manager = Manager.create(new ManagerModule(new ManagerSettings("servicechainset-controller", 0, null,
        Duration.ofSeconds(5))), ManagerModule.useClient(writes.countingClient(config)), new ServiceSetModule());
    manager.start();
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.close();
    }
    if (dpu != null) {
      dpu.close();
    }
  }

  @BeforeEach
  void ownObjects() {
    owned = new OwnedObjects(client, WAIT);
  }

  @AfterEach
  void removeOwnObjects() {
    owned.close();
  }

  @Test
  void aChainSetGetsOneChainPerSelectedNode_namedSetDashNode_notReadyUntilTheChainsAre() {
    String ns = owned.namespace("chains-ready").getMetadata().getName();
    nodes("ready-dpu", "ready-a", "ready-b");
    nodes("ready-other", "ready-c");
    chainSet(ns, "chains", "ready-dpu");

    await().atMost(WAIT).untilAsserted(() -> assertThat(childNames(ns, ServiceChain.class))
        .containsExactly("chains-ready-a", "chains-ready-b"));
    ServiceChain chain = client.resources(ServiceChain.class).inNamespace(ns).withName("chains-ready-a").get();
    assertThat(chain.getSpec().getNode()).isEqualTo("ready-a");
    assertThat(chain.getSpec().getSwitches().get(0).getPorts()).hasSize(2);
    assertThat(chain.getMetadata().getLabels()).containsEntry("team", "net")
        .containsEntry(LabelKeys.SERVICE_CHAIN_SET_NAME, "chains");
    assertThat(chain.getMetadata().getAnnotations()).containsEntry("note", "kept");
    assertThat(chain.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getKind() + "/" + owner.getName()).isEqualTo("ServiceChainSet/chains"));

    await().atMost(WAIT).untilAsserted(() -> {
      ServiceChainSet set = set(ns, ServiceChainSet.class, "chains");
      assertThat(set.getMetadata().getFinalizers()).contains(Finalizers.SERVICE_CHAIN_SET);
      assertThat(set.getStatus().getNumberApplied()).isEqualTo(2);
      assertThat(set.getStatus().getNumberReady()).isZero();
      assertThat(condition(set.getStatus().getConditions(), ConditionTypes.ServiceChainSet.SERVICE_CHAINS_RECONCILED).getStatus())
          .isEqualTo("True");
      assertThat(condition(set.getStatus().getConditions(), ConditionTypes.ServiceChainSet.SERVICE_CHAINS_READY).getMessage())
          .contains("ServiceChain chains-ready-a is not ready (no status yet)");
    });

    // The sfc-controller of each node reports its chain's flows installed (stand-in: this test writes it).
    for (String node : List.of("ready-a", "ready-b")) {
      markChainReady(ns, "chains-" + node);
    }
    awaitReady(ns, "chains", 2);
    await().atMost(WAIT).untilAsserted(() -> assertThat(client.v1().events().inNamespace(ns).list().getItems())
        .as("kubectl describe shows the set becoming Ready")
        .anyMatch(e -> "chains".equals(e.getInvolvedObject().getName()) && "Ready".equals(e.getReason())
            && "Normal".equals(e.getType())));
  }

  @Test
  void nothingIsWrittenWhileNothingChanges_nodeHeartbeatsIncluded() {
    String ns = owned.namespace("sets-quiet").getMetadata().getName();
    nodes("quiet-dpu", "quiet-a", "quiet-b");
    chainSet(ns, "chains", "quiet-dpu");
    await().atMost(WAIT).untilAsserted(() -> assertThat(childNames(ns, ServiceChain.class))
        .containsExactly("chains-quiet-a", "chains-quiet-b"));
    markChainReady(ns, "chains-quiet-a");
    markChainReady(ns, "chains-quiet-b");
    awaitReady(ns, "chains", 2);
    Predicate<String> mine = path -> path.contains("/namespaces/" + ns + "/");

    // A set is reconciled when a node's labels change (heartbeats are no change to it): a label no
    // selector reads makes every set look at the world again, which has not changed for any of them.
    int settled = writes.count();
    await().atMost(WAIT).until(() -> {
      int before = writes.count();
      relabelAndAwaitReconciles("quiet-a");
      return writes.since(before, mine).isEmpty();
    });
    int before = writes.count();
    for (int round = 0; round < 3; round++) {
      relabelAndAwaitReconciles(round % 2 == 0 ? "quiet-a" : "quiet-b");
    }
    System.out.printf("%n[figures] servicechainset-controller: %d writes to the test's objects while settling, "
        + "%d over 3 reconciles of every set (and the nodes' heartbeats meanwhile)%n",
        writes.since(settled, mine).size() - writes.since(before, mine).size(), writes.since(before, mine).size());
    assertThat(writes.since(before, mine)).isEmpty();
  }

  @Test
  void aNodeThatJoinsTheSelectionGetsAChild_oneThatLeavesItOrGoesLosesIt() {
    String ns = owned.namespace("sets-moving").getMetadata().getName();
    nodes("moving-dpu", "moving-a", "moving-b");
    nodes("moving-other", "moving-c");
    chainSet(ns, "chains", "moving-dpu");
    await().atMost(WAIT).untilAsserted(() -> assertThat(childNames(ns, ServiceChain.class))
        .containsExactly("chains-moving-a", "chains-moving-b"));

    label("moving-c", "role", "moving-dpu");
    await().atMost(WAIT).untilAsserted(() -> assertThat(childNames(ns, ServiceChain.class))
        .containsExactly("chains-moving-a", "chains-moving-b", "chains-moving-c"));

    label("moving-a", "role", "retired");
    // A node that is gone has no sfc-controller left to take its finalizer off: the set does.
    client.resources(ServiceChain.class).inNamespace(ns).withName("chains-moving-b").edit(chain -> {
      chain.getMetadata().getFinalizers().add(Finalizers.SERVICE_CHAIN);
      return chain;
    });
    client.nodes().withName("moving-b").delete();
    await().atMost(WAIT).untilAsserted(() -> assertThat(childNames(ns, ServiceChain.class))
        .containsExactly("chains-moving-c"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(set(ns, ServiceChainSet.class, "chains").getStatus()
        .getNumberApplied()).isEqualTo(1));
  }

  @Test
  void anInterfaceSetGetsOneInterfacePerNode_withTheTemplatesSpecAndItsNode() {
    String ns = owned.namespace("sets-uplinks").getMetadata().getName();
    nodes("uplinks-any", "uplinks-a", "uplinks-b");
    interfaceSet(ns, "uplink", null);
    // No node selector: every node of the cluster, whichever others share it now.
    await().atMost(WAIT).untilAsserted(() -> assertThat(childNames(ns, ServiceInterface.class)).isEqualTo(
        client.nodes().list().getItems().stream().map(n -> "uplink-" + n.getMetadata().getName()).sorted().toList()));
    assertThat(childNames(ns, ServiceInterface.class)).contains("uplink-uplinks-a", "uplink-uplinks-b");
    ServiceInterface iface = client.resources(ServiceInterface.class).inNamespace(ns).withName("uplink-uplinks-b").get();
    assertThat(iface.getSpec().getNode()).isEqualTo("uplinks-b");
    assertThat(iface.getSpec().getPhysical().getInterfaceName()).isEqualTo("p0");
    assertThat(iface.getMetadata().getLabels()).containsEntry(LabelKeys.SERVICE_INTERFACE_SET_NAME, "uplink")
        .containsEntry("svc.dpu.nvidia.com/interface", "p0");
  }

  @Test
  void deletingASetWaitsForItsChildren_thenGoes() {
    String ns = owned.namespace("sets-deleting").getMetadata().getName();
    nodes("deleting-dpu", "deleting-a", "deleting-b");
    chainSet(ns, "chains", "deleting-dpu");
    interfaceSet(ns, "uplink", "deleting-dpu");
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(childNames(ns, ServiceInterface.class)).containsExactly("uplink-deleting-a", "uplink-deleting-b");
      assertThat(childNames(ns, ServiceChain.class)).containsExactly("chains-deleting-a", "chains-deleting-b");
    });
    client.resources(ServiceInterface.class).inNamespace(ns).withName("uplink-deleting-b").edit(si -> {
      si.getMetadata().getFinalizers().add(Finalizers.SERVICE_INTERFACE);
      return si;
    });
    client.resources(ServiceInterfaceSet.class).inNamespace(ns).withName("uplink").delete();
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(set(ns, ServiceInterfaceSet.class, "uplink").getStatus()
        .getConditions(), ConditionTypes.ServiceInterfaceSet.SERVICE_INTERFACES_RECONCILED))
        .satisfies(c -> {
          assertThat(c.getReason()).isEqualTo("AwaitingDeletion");
          assertThat(c.getMessage()).isEqualTo("The following objects are awaiting deletion: ServiceInterface uplink-deleting-b");
        }));
    // The node's sfc-controller removes the port, then its finalizer.
    client.resources(ServiceInterface.class).inNamespace(ns).withName("uplink-deleting-b").edit(si -> {
      si.getMetadata().getFinalizers().remove(Finalizers.SERVICE_INTERFACE);
      return si;
    });
    client.resources(ServiceChainSet.class).inNamespace(ns).withName("chains").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(client.resources(ServiceInterfaceSet.class).inNamespace(ns).list().getItems()).isEmpty();
      assertThat(client.resources(ServiceChainSet.class).inNamespace(ns).list().getItems()).isEmpty();
      assertThat(childNames(ns, ServiceInterface.class)).isEmpty();
      assertThat(childNames(ns, ServiceChain.class)).isEmpty();
    });
  }

  // --- each test's own nodes and sets

  /** KWOK nodes with label {@code role=<role>}, owned by the test. */
  void nodes(String role, String... names) {
    for (String name : names) {
      dpu.addNode(name, Map.of("role", role));
      owned.ownNode(name);
    }
  }

  void chainSet(String ns, String name, String role) {
    owned.create(client.getKubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceChainSet
        metadata: {name: %s, namespace: %s}
        spec:
          nodeSelector: {matchLabels: {role: %s}}
          template:
            metadata: {labels: {team: net}, annotations: {note: kept}}
            spec:
              switches:
              - ports:
                - serviceInterface: {matchLabels: {svc.dpu.nvidia.com/interface: p0}}
                - serviceInterface: {matchLabels: {svc.dpu.nvidia.com/interface: app}}
        """.formatted(name, ns, role), ServiceChainSet.class));
  }

  /** An interface set over the nodes with {@code role=<role>}, or every node when {@code role} is null. */
  void interfaceSet(String ns, String name, String role) {
    owned.create(client.getKubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceInterfaceSet
        metadata: {name: %s, namespace: %s}
        spec:
          %s
          template:
            metadata: {labels: {svc.dpu.nvidia.com/interface: p0}}
            spec: {interfaceType: physical, physical: {interfaceName: p0}}
        """.formatted(name, ns, role == null ? "" : "nodeSelector: {matchLabels: {role: " + role + "}}"),
        ServiceInterfaceSet.class));
  }

  static void awaitReady(String ns, String name, int ready) {
    await().atMost(WAIT).untilAsserted(() -> {
      ServiceChainSet set = set(ns, ServiceChainSet.class, name);
      assertThat(set.getStatus().getNumberReady()).isEqualTo(ready);
      assertThat(Conditions.isTrue(set.getStatus(), ConditionTypes.READY)).isTrue();
    });
  }

  /** Changes a label no selector reads, and waits until the manager reconciled every set once more. */
  static void relabelAndAwaitReconciles(String node) {
    long sets = Stream.of(ServiceChainSet.class, ServiceInterfaceSet.class)
        .mapToLong(kind -> client.resources(kind).inAnyNamespace().list().getItems().size()).sum();
    long before = ReconcileCounts.total(manager.httpPort());
    label(node, "it.dpf.io/touched", String.valueOf(before));
    await().atMost(WAIT).until(() -> ReconcileCounts.total(manager.httpPort()) >= before + sets);
  }

  /**
   * Sets a node label with a merge patch: no resourceVersion to conflict with the node's own status
   * updates (KWOK writes a new node's status right after it is made).
   */
  static void label(String node, String key, String value) {
    client.nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"" + key + "\":\"" + value + "\"}}}");
  }

  static <T extends HasMetadata> List<String> childNames(String ns, Class<T> kind) {
    return client.resources(kind).inNamespace(ns).list().getItems().stream()
        .filter(o -> o.getMetadata().getDeletionTimestamp() == null)
        .map(o -> o.getMetadata().getName()).sorted().toList();
  }

  static <T extends HasMetadata> T set(String ns, Class<T> kind, String name) {
    return client.resources(kind).inNamespace(ns).withName(name).get();
  }

  static Condition condition(List<Condition> conditions, String type) {
    return Optional.ofNullable(conditions).orElse(List.of()).stream().filter(c -> type.equals(c.getType())).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions));
  }

  static void markChainReady(String ns, String name) {
    ServiceChain chain = client.resources(ServiceChain.class).inNamespace(ns).withName(name).get();
    ServiceChainStatus status = new ServiceChainStatus();
    Conditions.of(status, chain.getMetadata().getGeneration(), Clock.systemUTC())
        .ensure(ConditionTypes.ServiceChain.ALL).setTrue(ConditionTypes.ServiceChain.SERVICE_CHAIN_RECONCILED).summarize();
    chain.setStatus(status);
    client.resource(chain).updateStatus();
  }
}
