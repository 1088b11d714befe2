package io.dpf.sfc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.runtime.manager.Manager;
import io.dpf.sfc.chains.ChainCookie;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.LocalOpenVswitch;
import io.dpf.testkit.OwnedObjects;
import io.dpf.testkit.ReconcileCounts;
import io.dpf.testkit.WorkloadEndpoint;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-node sfc-controller on a real API server (a DPU cluster with a KWOK node) programming a
 * real Open vSwitch: interfaces become ports with DPF's names and ids, a chain becomes flows that
 * carry traffic between two namespaces, bad input becomes a condition, a restarted ovs-vswitchd gets
 * its flows back, leftovers are swept, and deleting leaves no port or flow. The switch, its
 * workloads and the manager are shared; each test makes its interfaces and chains in a namespace
 * of its own and removes them (their ports and flows go with them) before the next one starts.
 */
class SfcControllerIT {

  static final String NODE = "dpu-node-1";
  static final Duration WAIT = Duration.ofSeconds(60);

  static LocalOpenVswitch ovs;
  static LocalControlPlane dpu;
  static KubernetesClient client;
  static Manager manager;
  static final WriteCounter writes = new WriteCounter();
  static WorkloadEndpoint host;
  static WorkloadEndpoint vm;

  OwnedObjects owned;

  @BeforeAll
  static void start() {
    assumeTrue(LocalOpenVswitch.unavailableReason().isEmpty(), () -> LocalOpenVswitch.unavailableReason().get());
    ovs = LocalOpenVswitch.start("sfc-controller-it");
    ovs.addBridge("br-sfc");
    ovs.addBridge("br-ovn");
    host = ovs.addWorkload("pf0hpf", "10.88.0.1/24");
    vm = ovs.addWorkload("pf0vf0", "10.88.0.2/24");
    dpu = LocalControlPlane.start("sfc-it-dpu");
    client = dpu.client();
    dpu.addNode(NODE, Map.of());
    SfcNodeFixture.installCrdsAndChartRbac(dpu);
    manager = SfcNodeFixture.start(dpu, SfcNodeFixture.settings(NODE, ovs), writes);
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.close();
    }
    if (dpu != null) {
      dpu.close();
    }
    if (ovs != null) {
      ovs.close();
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
  void interfacesBecomePortsNamedAsDpfNamesThem_withTheirDpfIds_andAMissingPfIsACondition() {
    String ns = namespace("sfc-ports");
    apply(serviceInterface(ns, "host", "host", "{node: %s, interfaceType: pf, pf: {pfID: 0}}"));
    apply(serviceInterface(ns, "vm", "vm", "{node: %s, interfaceType: vf, vf: {pfID: 0, vfID: 0}}"));
    apply(serviceInterface(ns, "uplink-ovn", "ovn", "{node: %s, interfaceType: ovn}"));
    apply(serviceInterface(ns, "missing", "missing", "{node: %s, interfaceType: pf, pf: {pfID: 7}}"));
    apply(serviceInterface(ns, "elsewhere", "elsewhere", "{node: dpu-node-2, interfaceType: pf, pf: {pfID: 1}}"));

    for (String name : List.of("host", "vm", "uplink-ovn")) {
      await().atMost(WAIT).untilAsserted(() -> assertThat(ready(ns, ServiceInterface.class, name)).as(name).isTrue());
    }
    assertThat(ovs.ports("br-sfc")).contains("pf0hpf", "pf0vf0", "puplinkbrsfc", "pf7hpf").doesNotContain("pf1hpf");
    assertThat(ovs.ports("br-ovn")).containsExactly("puplinkbrovn");
    assertThat(ovs.vsctl("get", "Interface", "pf0hpf", "external_ids:dpf-id").strip()).isEqualTo("\"" + ns + "/host\"");
    assertThat(ovs.vsctl("get", "Port", "pf0vf0", "external_ids:dpf-type").strip()).isEqualTo("vf");
    assertThat(ovs.vsctl("get", "Interface", "puplinkbrsfc", "options:peer").strip()).isEqualTo("puplinkbrovn");

    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ns, ServiceInterface.class, "missing",
        ConditionTypes.ServiceInterface.SERVICE_INTERFACE_RECONCILED)).hasValueSatisfying(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getReason()).isEqualTo("Error");
          assertThat(c.getMessage()).isEqualTo("port pf7hpf on br-sfc is not usable: "
              + "could not open network device pf7hpf (No such device)");
        }));
    assertThat(client.resources(ServiceInterface.class).inNamespace(ns).withName("elsewhere").get().getStatus())
        .as("another node's interface is not ours").isNull();
  }

  @Test
  void aChainBecomesFlowsOnBrSfcThatCarryTrafficBetweenItsPorts() {
    String ns = namespace("sfc-chain");
    hostAndVm(ns);
    assertThat(host.ping(vm.address())).as("no chain yet: the secure bridge drops everything").isFalse();
    apply(chain(ns, "host-to-vm", "[host, vm]"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(ready(ns, ServiceChain.class, "host-to-vm")).isTrue());

    String cookie = ChainCookie.hex(ChainCookie.of(ns, "host-to-vm"));
    int hostPort = ofport("pf0hpf");
    int vmPort = ofport("pf0vf0");
    assertThat(chainFlows(cookie)).containsExactlyInAnyOrder(
        "cookie=" + cookie + ", priority=20,in_port=" + hostPort + " actions=learn(table=0,idle_timeout=10,priority=30,cookie="
            + cookie + ",in_port=" + vmPort + ",NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[]),output:" + vmPort,
        "cookie=" + cookie + ", priority=20,in_port=" + vmPort + " actions=learn(table=0,idle_timeout=10,priority=30,cookie="
            + cookie + ",in_port=" + hostPort + ",NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[]),output:" + hostPort);
    await().atMost(WAIT).untilAsserted(() -> assertThat(host.ping(vm.address())).as("ping through the chain").isTrue());
  }

  @Test
  void aChainToAnUnknownInterfaceOrAMissingPfSaysSoAndProgramsWhatItCan() {
    String ns = namespace("sfc-half");
    hostAndVm(ns);
    apply(serviceInterface(ns, "uplink-ovn", "ovn", "{node: %s, interfaceType: ovn}"));
    apply(serviceInterface(ns, "missing", "missing", "{node: %s, interfaceType: pf, pf: {pfID: 7}}"));
    apply(chain(ns, "host-to-vm", "[host, vm]"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(host.ping(vm.address())).as("ping through the chain").isTrue());

    apply(chain(ns, "half-broken", "[ovn, nothing-like-this, missing]"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ns, ServiceChain.class, "half-broken",
        ConditionTypes.ServiceChain.SERVICE_CHAIN_RECONCILED)).hasValueSatisfying(c -> {
          assertThat(c.getStatus()).isEqualTo("False");
          assertThat(c.getMessage()).contains("switch 1 port 2: no ServiceInterface on node " + NODE + " in namespace "
              + ns + " match {role=nothing-like-this}");
          assertThat(c.getMessage()).contains("switch 1 port 3: port pf7hpf of ServiceInterface missing is not usable");
        }));
    assertThat(chainFlows(ChainCookie.hex(ChainCookie.of(ns, "half-broken")))).as("one usable port floods nowhere").isEmpty();
    assertThat(host.ping(vm.address())).as("the other chain is untouched").isTrue();
  }

  @Test
  void nothingIsWrittenWhileNothingChanges_neitherToTheApiNorToTheSwitch() {
    String ns = namespace("sfc-quiet");
    hostAndVm(ns);
    apply(chain(ns, "host-to-vm", "[host, vm]"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(ready(ns, ServiceChain.class, "host-to-vm")).isTrue());
    String cookie = ChainCookie.hex(ChainCookie.of(ns, "host-to-vm"));
    Predicate<String> mine = path -> path.contains("/namespaces/" + ns + "/");

    // Every interface and chain is resynced (checked against the switch) every 5 s here: first
    // until a round of them writes nothing of this test's, then two rounds measured.
    int[] windowWrites = {writes.count()};
    long[] windowStart = {resyncs()};
    await().atMost(WAIT).until(() -> {
      long now = resyncs();
      if (!writes.since(windowWrites[0], mine).isEmpty()) {
        windowWrites[0] = writes.count();
        windowStart[0] = now;
        return false;
      }
      return now >= windowStart[0] + objects();
    });
    List<String> flowsBefore = chainFlows(cookie);
    long flowAgeBefore = durationSeconds(cookie);
    int before = writes.count();
    long measuredFrom = System.nanoTime();
    long resyncsBefore = resyncs();
    long rounds = 2L * objects();
    await().atMost(WAIT).until(() -> resyncs() >= resyncsBefore + rounds);
    long windowSeconds = Duration.ofNanos(System.nanoTime() - measuredFrom).toSeconds();

    assertThat(writes.since(before, mine)).as("API writes while nothing changed").isEmpty();
    // A re-installed flow starts its age again; these lived through the whole window.
    assertThat(durationSeconds(cookie)).as("flows not re-installed by the resyncs")
        .isGreaterThanOrEqualTo(flowAgeBefore + windowSeconds - 1);
    assertThat(chainFlows(cookie)).isEqualTo(flowsBefore);
  }

  @Test
  void aRestartedVswitchdGetsItsFlowsBack() {
    String ns = namespace("sfc-restart");
    hostAndVm(ns);
    apply(chain(ns, "host-to-vm", "[host, vm]"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(ready(ns, ServiceChain.class, "host-to-vm")).isTrue());
    String cookie = ChainCookie.hex(ChainCookie.of(ns, "host-to-vm"));
    List<String> flows = chainFlows(cookie);
    assertThat(flows).hasSize(2);

    ovs.restartVswitchd();
    await().atMost(WAIT).untilAsserted(() -> assertThat(chainFlows(cookie)).isEqualTo(flows));
    await().atMost(WAIT).untilAsserted(() -> assertThat(host.ping(vm.address())).isTrue());
  }

  @Test
  void leftoversNoObjectAsksForAreSwept() {
    String ns = namespace("sfc-sweep");
    hostAndVm(ns);
    ovs.ofctl("add-flow", "br-sfc", "cookie=0x5eed,table=0,priority=20,in_port=99,actions=drop");
    ovs.addNetdev("pf3hpf");
    ovs.vsctl("add-port", "br-sfc", "pf3hpf", "--", "set", "Interface", "pf3hpf", "external_ids:dpf-id=\"" + ns + "/gone\"",
        "--", "set", "Port", "pf3hpf", "external_ids:dpf-type=pf");
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(ovs.flows("br-sfc")).noneMatch(flow -> flow.contains("cookie=0x5eed"));
      assertThat(ovs.ports("br-sfc")).doesNotContain("pf3hpf");
    });
    assertThat(ovs.ports("br-sfc")).contains("pf0hpf", "pf0vf0");
  }

  @Test
  void deletingChainsAndInterfacesLeavesNoFlowAndNoPort() {
    String ns = namespace("sfc-delete");
    hostAndVm(ns);
    apply(serviceInterface(ns, "uplink-ovn", "ovn", "{node: %s, interfaceType: ovn}"));
    apply(serviceInterface(ns, "elsewhere", "elsewhere", "{node: dpu-node-2, interfaceType: pf, pf: {pfID: 1}}"));
    apply(chain(ns, "host-to-vm", "[host, vm]"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(ready(ns, ServiceChain.class, "host-to-vm")).isTrue());
    await().atMost(WAIT).untilAsserted(() -> assertThat(ready(ns, ServiceInterface.class, "uplink-ovn")).isTrue());
    String cookie = ChainCookie.hex(ChainCookie.of(ns, "host-to-vm"));
    assertThat(chainFlows(cookie)).isNotEmpty();

    client.resources(ServiceChain.class).inNamespace(ns).delete();
    client.resources(ServiceInterface.class).inNamespace(ns).withField("metadata.name", "elsewhere").delete();
    for (String name : List.of("host", "vm", "uplink-ovn")) {
      client.resources(ServiceInterface.class).inNamespace(ns).withName(name).delete();
    }
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(client.resources(ServiceChain.class).inNamespace(ns).list().getItems()).isEmpty();
      assertThat(client.resources(ServiceInterface.class).inNamespace(ns).list().getItems()).isEmpty();
    });
    assertThat(ovs.flows("br-sfc")).as("flows of this test's chain").noneMatch(f -> f.startsWith("cookie=" + cookie + ","));
    assertThat(ovs.ports("br-sfc")).doesNotContain("pf0hpf", "pf0vf0", "puplinkbrsfc");
    assertThat(ovs.ports("br-ovn")).doesNotContain("puplinkbrovn");
    if (client.resources(ServiceInterface.class).inAnyNamespace().list().getItems().isEmpty()) {
      // Nothing else asks for anything on this switch: nothing at all is left on it.
      assertThat(ovs.flows("br-sfc")).isEmpty();
      assertThat(ovs.ports("br-sfc")).isEmpty();
      assertThat(ovs.ports("br-ovn")).isEmpty();
    }
  }

  // --- helpers

  /** A namespace of the test's own, removed (and with it its interfaces, ports and flows) after it. */
  String namespace(String name) {
    return owned.namespace(name).getMetadata().getName();
  }

  /** Interfaces {@code host} (pf0hpf) and {@code vm} (pf0vf0), the ports of the two workloads, Ready. */
  void hostAndVm(String ns) {
    apply(serviceInterface(ns, "host", "host", "{node: %s, interfaceType: pf, pf: {pfID: 0}}"));
    apply(serviceInterface(ns, "vm", "vm", "{node: %s, interfaceType: vf, vf: {pfID: 0, vfID: 0}}"));
    for (String name : List.of("host", "vm")) {
      await().atMost(WAIT).untilAsserted(() -> assertThat(ready(ns, ServiceInterface.class, name)).as(name).isTrue());
    }
  }

  static ServiceInterface serviceInterface(String ns, String name, String role, String spec) {
    return client.getKubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceInterface
        metadata: {name: %s, namespace: %s, labels: {role: %s}}
        spec: %s
        """.formatted(name, ns, role, spec.formatted(NODE)), ServiceInterface.class);
  }

  static ServiceChain chain(String ns, String name, String roles) {
    return SfcNodeFixture.chain(name, ns, NODE, "role", List.of(roles.substring(1, roles.length() - 1).split(",\\s*")));
  }

  /** Applied as a user would; the namespace's removal removes it. */
  static void apply(HasMetadata object) {
    client.resource(object).fieldManager("sfc-it").serverSideApply();
  }

  /** Reconciles of interfaces and chains (not the switch housekeeping, which polls far more often). */
  static long resyncs() {
    return ReconcileCounts.of(manager.httpPort(), "serviceinterface") + ReconcileCounts.of(manager.httpPort(), "servicechain");
  }

  /** The interfaces and chains this node's controller reconciles (those for {@link #NODE}). */
  static long objects() {
    return client.resources(ServiceInterface.class).inAnyNamespace().list().getItems().stream()
        .filter(i -> NODE.equals(i.getSpec().getNode())).count()
        + client.resources(ServiceChain.class).inAnyNamespace().list().getItems().stream()
        .filter(c -> NODE.equals(c.getSpec().getNode())).count();
  }

  static <T extends HasMetadata> Optional<Condition> condition(String ns, Class<T> kind, String name, String type) {
    T object = client.resources(kind).inNamespace(ns).withName(name).get();
    Object status = object == null ? null : client.getKubernetesSerialization().convertValue(object, Map.class)
        .get("status");
    if (!(status instanceof Map<?, ?> map) || !(map.get("conditions") instanceof List<?> list)) {
      return Optional.empty();
    }
    return list.stream().map(c -> client.getKubernetesSerialization().convertValue(c, Condition.class))
        .filter(c -> type.equals(c.getType())).findFirst();
  }

  static <T extends HasMetadata> boolean ready(String ns, Class<T> kind, String name) {
    return condition(ns, kind, name, ConditionTypes.READY).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  static int ofport(String iface) {
    return Integer.parseInt(ovs.vsctl("get", "Interface", iface, "ofport").strip());
  }

  /** The chain's own flows (priority 20), as dump-flows --no-stats prints them. */
  static List<String> chainFlows(String cookie) {
    return ovs.flows("br-sfc").stream().filter(f -> f.startsWith("cookie=" + cookie + ",") && f.contains("priority=20"))
        .sorted().toList();
  }

  static long durationSeconds(String cookie) {
    return ovs.ofctl("dump-flows", "br-sfc", "cookie=" + cookie + "/-1").lines()
        .filter(line -> line.contains("priority=20"))
        .map(line -> line.replaceAll(".*duration=([0-9]+)\\.[0-9]+s.*", "$1")).mapToLong(Long::parseLong).min().orElse(0);
  }
}
