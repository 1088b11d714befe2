package io.dpf.sfc.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.api.ApiTypes;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceChainStatus;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.sfc.NodeSettings;
import io.dpf.sfc.SfcControllerModule;
import io.dpf.sfc.chains.ChainCookie;
import io.dpf.sfc.it.SfcNodeFixture;
import io.dpf.sfc.ovs.OvsSettings;
import io.dpf.testkit.KwokNodes;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.LocalOpenVswitch;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Figures of the per-node sfc-controller on a real API server and a real userspace Open vSwitch
 * (run with -Pbench; prints {@code [figure]} lines, asserts nothing about speed):
 * a chain change to its flows installed, 100 chains on one node, and flows back after an
 * ovs-vswitchd restart. Ports are OVS internal ports (ovs-vswitchd makes their devices), so 200 of
 * them need no veth pairs.
 */
class SfcBenchmark {

  static final String NODE = "bench-node";
  static final String NS = "bench";
  static final int CHAINS = 100;

  @Test
  void figures() throws Exception {
    assumeTrue(LocalOpenVswitch.unavailableReason().isEmpty(), () -> LocalOpenVswitch.unavailableReason().get());
    try (LocalOpenVswitch ovs = LocalOpenVswitch.start("sfc-bench");
         LocalControlPlane dpu = LocalControlPlane.startApiServerOnly("sfc-bench-dpu")) {
      ovs.addBridge("br-sfc");
      KubernetesClient client = dpu.client();
      dpu.installCrds(ApiTypes.DPU_CLUSTER_KINDS.stream().map(ApiTypes::crd).toList());
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
      KwokNodes.create(client, NODE, Map.of());
      NodeSettings settings = NodeSettings.of(NODE, new OvsSettings(ovs.runDirectory(), Path.of("/usr/bin"), "internal",
          Duration.ofSeconds(5), null));
      Manager manager = Manager.create(new ManagerModule(new ManagerSettings("sfc-bench", 0, null, Duration.ofSeconds(5))),
          ManagerModule.useClient(client), new SfcControllerModule(settings));
      manager.start();
      try {
        chainChangeToFlows(ovs, client);
        hundredChains(ovs, client);
      } finally {
        manager.close();
      }
    }
  }

  /** A chain's third port added and removed, ten times: from the write to the flows in the switch. */
  private void chainChangeToFlows(LocalOpenVswitch ovs, KubernetesClient client) {
    for (int vf = 200; vf < 203; vf++) {
      client.resource(vf(vf)).create();
    }
    awaitPorts(ovs, 3 + 1);
    String cookie = ChainCookie.hex(ChainCookie.of(NS, "changing"));
    List<Long> millis = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      int ports = round % 2 == 0 ? 3 : 2;
      long started = System.nanoTime();
      client.resource(chain("changing", round % 2 == 0 ? new int[] {200, 201, 202} : new int[] {200, 201}))
          .fieldManager("bench").forceConflicts().serverSideApply();
      await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
          .until(() -> chainFlowCount(ovs, cookie) == ports && hasPeers(ovs, cookie, ports - 1));
      millis.add((System.nanoTime() - started) / 1_000_000);
    }
    print("ServiceChain change to flows installed, median", percentile(millis, 50), "ms");
    print("ServiceChain change to flows installed, p90", percentile(millis, 90), "ms");
    client.resources(ServiceChain.class).inNamespace(NS).withName("changing").delete();
  }

  /** 100 chains of two ports each on one node: all programmed, then an ovs-vswitchd restart. */
  private void hundredChains(LocalOpenVswitch ovs, KubernetesClient client) {
    long started = System.nanoTime();
    for (int vf = 0; vf < 2 * CHAINS; vf++) {
      client.resource(vf(vf)).create();
    }
    await().atMost(Duration.ofMinutes(5)).until(() -> readyCount(client, ServiceInterface.class) >= 2 * CHAINS);
    print(2 * CHAINS + " ServiceInterfaces to ports on br-sfc", (System.nanoTime() - started) / 1_000_000, "ms");

    started = System.nanoTime();
    for (int i = 0; i < CHAINS; i++) {
      client.resource(chain("chain-" + i, new int[] {2 * i, 2 * i + 1})).create();
    }
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> priorityTwentyFlows(ovs) == 2 * CHAINS);
    print(CHAINS + " ServiceChains created to all their flows installed", (System.nanoTime() - started) / 1_000_000, "ms");
    await().atMost(Duration.ofMinutes(5)).until(() -> readyCount(client, ServiceChain.class) >= CHAINS);
    print(CHAINS + " ServiceChains created to all Ready", (System.nanoTime() - started) / 1_000_000, "ms");

    long restartBegins = System.nanoTime();
    ovs.restartVswitchd();
    long back = System.nanoTime();
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
        .until(() -> priorityTwentyFlows(ovs) == 2 * CHAINS);
    long done = System.nanoTime();
    print("ovs-vswitchd restart (stop, start, answering)", (back - restartBegins) / 1_000_000, "ms");
    print("vswitchd back to all " + 2 * CHAINS + " flows of " + CHAINS + " chains reinstalled", (done - back) / 1_000_000,
        "ms");
  }

  private static ServiceInterface vf(int vf) {
    return new KubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceInterface
        metadata: {name: vf%d, namespace: %s, labels: {vf: "%d"}}
        spec: {node: %s, interfaceType: vf, vf: {pfID: 0, vfID: %d}}
        """.formatted(vf, NS, vf, NODE, vf), ServiceInterface.class);
  }

  private static ServiceChain chain(String name, int[] vfs) {
    return SfcNodeFixture.chain(name, NS, NODE, "vf", Arrays.stream(vfs).mapToObj(String::valueOf).toList());
  }

  private static void awaitPorts(LocalOpenVswitch ovs, int count) {
    await().atMost(Duration.ofMinutes(1)).until(() -> ovs.ports("br-sfc").size() >= count - 1);
  }

  private static long chainFlowCount(LocalOpenVswitch ovs, String cookie) {
    return ovs.flows("br-sfc").stream().filter(f -> f.startsWith("cookie=" + cookie + ",") && f.contains("priority=20")).count();
  }

  private static boolean hasPeers(LocalOpenVswitch ovs, String cookie, int peers) {
    return ovs.flows("br-sfc").stream().filter(f -> f.startsWith("cookie=" + cookie + ",") && f.contains("priority=20"))
        .allMatch(f -> f.split("output:[0-9]", -1).length - 1 == peers);
  }

  private static long priorityTwentyFlows(LocalOpenVswitch ovs) {
    return ovs.flows("br-sfc").stream().filter(f -> f.contains("priority=20")).count();
  }

  private static <T extends HasMetadata> long readyCount(KubernetesClient client, Class<T> kind) {
    return client.resources(kind).inNamespace(NS).list().getItems().stream().filter(o -> {
      Object status = client.getKubernetesSerialization().convertValue(o, Map.class).get("status");
      return status != null && Conditions.isTrue(
          client.getKubernetesSerialization().convertValue(status, ServiceChainStatus.class),
          ConditionTypes.READY);
    }).count();
  }

  private static long percentile(List<Long> values, int percent) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
  }

  private static void print(String name, Object value, String unit) {
    System.out.printf("[figure] %-62s %10s %s%n", name, value, unit);
  }
}
