package io.dpf.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.api.ApiTypes;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.dpuservice.DpuServiceManagerModule;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.servicechainset.ServiceSetModule;
import io.dpf.sfc.NodeSettings;
import io.dpf.sfc.SfcControllerModule;
import io.dpf.sfc.chains.ChainCookie;
import io.dpf.sfc.ovs.OvsSettings;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.KwokNodes;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.LocalOpenVswitch;
import io.dpf.testkit.WorkloadEndpoint;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Service chaining end to end: a DPUServiceChain and two DPUServiceInterfaces created on the host
 * cluster become (dpuservice-manager) ServiceChainSet and ServiceInterfaceSets in the DPU cluster,
 * then (servicechainset-controller) a ServiceChain and ServiceInterfaces per DPU node, then (each
 * node's sfc-controller) ports and OpenFlow rules on that node's real Open vSwitch, checked with
 * ovs-ofctl and by traffic between two namespaces per node; the DPUServiceChain is Ready only then.
 * Deleting them on the host leaves no object, port or flow in the DPU cluster or on any switch.
 * The controllers run in this JVM (the DPU nodes are KWOK nodes, each with its own switch here).
 */
class ServiceChainE2E {

  static final String NS = "dpf-operator-system";
  static final String CLUSTER = "dpu-cplane-tenant1";
  static final List<String> NODES = List.of("dpu-node-1", "dpu-node-2");
  static final Duration WAIT = Duration.ofMinutes(2);

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final List<LocalOpenVswitch> switches = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @Test
  void aDpuServiceChainOnTheHostEndsAsVerifiedFlowsOnEveryDpuNodesSwitch() {
    assumeTrue(LocalOpenVswitch.unavailableReason().isEmpty(), () -> LocalOpenVswitch.unavailableReason().get());
    LocalControlPlane host = keep(LocalControlPlane.startApiServerOnly("sfc-e2e-host"));
    LocalControlPlane dpu = keep(LocalControlPlane.startApiServerOnly("sfc-e2e-dpu"));
    prepareHost(host, dpu);
    dpu.installCrds(ApiTypes.DPU_CLUSTER_KINDS.stream().map(ApiTypes::crd).toList());
    List<WorkloadEndpoint[]> workloads = new ArrayList<>();
    for (int i = 0; i < NODES.size(); i++) {
      KwokNodes.create(dpu.client(), NODES.get(i), Map.of("node-role.kubernetes.io/worker", ""));
      LocalOpenVswitch ovs = keep(LocalOpenVswitch.start("sfc-e2e-" + NODES.get(i)));
      ovs.addBridge("br-sfc");
      workloads.add(new WorkloadEndpoint[] {ovs.addWorkload("pf0hpf", "10.99." + i + ".1/24"),
          ovs.addWorkload("pf0vf0", "10.99." + i + ".2/24")});
      switches.add(ovs);
    }
    keep(start("dpuservice-manager", host.client(), new DpuServiceManagerModule()));
    keep(start("servicechainset-controller", dpu.client(), new ServiceSetModule()));
    for (int i = 0; i < NODES.size(); i++) {
      NodeSettings settings = NodeSettings.of(NODES.get(i), new OvsSettings(switches.get(i).runDirectory(),
          Path.of("/usr/bin"), "system", Duration.ofSeconds(5), null));
      keep(start("sfc-controller-" + NODES.get(i), dpu.client(), new SfcControllerModule(settings)));
    }
    for (WorkloadEndpoint[] pair : workloads) {
      assertThat(pair[0].ping(pair[1].address())).as("nothing chained yet").isFalse();
    }

    KubernetesClient client = host.client();
    client.resource(interfaceOfType("host", "{interfaceType: pf, pf: {pfID: 0}}")).create();
    client.resource(interfaceOfType("vm", "{interfaceType: vf, vf: {pfID: 0, vfID: 0}}")).create();
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceChain
        metadata: {name: host-to-vm, namespace: %s}
        spec:
          template:
            spec:
              template:
                spec:
                  switches:
                  - ports:
                    - serviceInterface: {matchLabels: {svc.dpu.nvidia.com/interface: host}}
                    - serviceInterface: {matchLabels: {svc.dpu.nvidia.com/interface: vm}}
        """.formatted(NS), DPUServiceChain.class)).create();

    await().atMost(WAIT).untilAsserted(() -> assertThat(readyMessage(client.resources(DPUServiceChain.class).inNamespace(NS)
        .withName("host-to-vm").get())).isEqualTo("True"));
    ServiceChainSet set = dpu.client().resources(ServiceChainSet.class).inNamespace(NS).withName("host-to-vm").get();
    assertThat(set.getStatus().getNumberReady()).isEqualTo(NODES.size());
    for (int i = 0; i < NODES.size(); i++) {
      LocalOpenVswitch ovs = switches.get(i);
      String cookie = ChainCookie.hex(ChainCookie.of(NS, "host-to-vm-" + NODES.get(i)));
      int hostPort = ofport(ovs, "pf0hpf");
      int vmPort = ofport(ovs, "pf0vf0");
      assertThat(ovs.vsctl("get", "Interface", "pf0vf0", "external_ids:dpf-id").strip())
          .isEqualTo("\"" + NS + "/vm-" + NODES.get(i) + "\"");
      assertThat(ovs.flows("br-sfc").stream().filter(f -> f.contains("priority=20")).toList())
          .as("node %s: the chain's flows on its own switch", NODES.get(i))
          .hasSize(2)
          .allMatch(f -> f.startsWith("cookie=" + cookie + ", "))
          .anyMatch(f -> f.contains("in_port=" + hostPort + " ") && f.endsWith("output:" + vmPort))
          .anyMatch(f -> f.contains("in_port=" + vmPort + " ") && f.endsWith("output:" + hostPort));
      WorkloadEndpoint[] pair = workloads.get(i);
      await().atMost(WAIT).untilAsserted(() -> assertThat(pair[0].ping(pair[1].address())).isTrue());
    }

    client.resources(DPUServiceChain.class).inNamespace(NS).withName("host-to-vm").delete();
    client.resources(DPUServiceInterface.class).inNamespace(NS).delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(client.resources(DPUServiceChain.class).inNamespace(NS).list().getItems()).isEmpty();
      assertThat(client.resources(DPUServiceInterface.class).inNamespace(NS).list().getItems()).isEmpty();
      for (Class<? extends HasMetadata> kind : List.of(ServiceChainSet.class, ServiceChain.class, ServiceInterface.class)) {
        assertThat(dpu.client().resources(kind).inNamespace(NS).list().getItems()).as(kind.getSimpleName()).isEmpty();
      }
      for (LocalOpenVswitch ovs : switches) {
        assertThat(ovs.flows("br-sfc")).isEmpty();
        assertThat(ovs.ports("br-sfc")).isEmpty();
      }
    });
  }

  private <T extends AutoCloseable> T keep(T resource) {
    resources.add(resource);
    return resource;
  }

  private static Manager start(String name, KubernetesClient client, com.google.inject.Module module) { // fqn: java.lang.Module
    Manager manager = Manager.create(new ManagerModule(new ManagerSettings(name, 0, null, Duration.ofSeconds(5))),
        ManagerModule.useClient(client), module);
    manager.start();
    return manager;
  }

  /** The host's CRDs and the DPU cluster registered the Kamaji way, as a static DPUCluster. */
  private static void prepareHost(LocalControlPlane host, LocalControlPlane dpu) {
    host.installCrds(Stream.concat(ApiTypes.DPF_KINDS.stream().filter(k -> !ApiTypes.DPU_CLUSTER_KINDS.contains(k)),
        ApiTypes.THIRD_PARTY_KINDS.stream()).map(ApiTypes::crd).toList());
    host.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
    DpuClusters.register(host, NS, CLUSTER, dpu);
    host.client().resource(host.client().getKubernetesSerialization().unmarshal("""
        apiVersion: provisioning.dpu.nvidia.com/v1alpha1
        kind: DPUCluster
        metadata: {name: %s, namespace: %s}
        spec: {type: static, version: v1.36.3, kubeconfig: %s}
        """.formatted(CLUSTER, NS, DpuClusters.secretName(CLUSTER)), DPUCluster.class)).serverSideApply();
  }

  private DPUServiceInterface interfaceOfType(String name, String spec) {
    return new KubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceInterface
        metadata: {name: %s, namespace: %s}
        spec:
          template:
            spec:
              template:
                metadata: {labels: {svc.dpu.nvidia.com/interface: %s}}
                spec: %s
        """.formatted(name, NS, name, spec), DPUServiceInterface.class);
  }

  private static String readyMessage(DPUServiceChain chain) {
    if (chain == null || chain.getStatus() == null || chain.getStatus().getConditions() == null) {
      return "no status";
    }
    return Conditions.isTrue(chain.getStatus(), ConditionTypes.READY) ? "True"
        : chain.getStatus().getConditions().stream().map(c -> c.getType() + "=" + c.getStatus() + " " + c.getMessage())
            .toList().toString();
  }

  private static int ofport(LocalOpenVswitch ovs, String iface) {
    return Integer.parseInt(ovs.vsctl("get", "Interface", iface, "ofport").strip());
  }
}
