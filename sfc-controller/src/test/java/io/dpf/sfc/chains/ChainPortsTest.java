package io.dpf.sfc.chains;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.sfc.ovs.OvsSnapshotFixture;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainPortsTest {

  private static final String NODE = "dpu-1";

  private static ServiceInterface si(String name, String role, String spec) {
    return Serialization.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceInterface
        metadata: {name: %s, namespace: ns, labels: {role: %s}}
        spec: %s
        """.formatted(name, role, spec), ServiceInterface.class);
  }

  private static ServiceChain chain(String... roles) {
    StringBuilder ports = new StringBuilder();
    for (String role : roles) {
      ports.append("    - serviceInterface: {matchLabels: {role: ").append(role).append("}}\n");
    }
    return Serialization.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceChain
        metadata: {name: c, namespace: ns}
        spec:
          node: dpu-1
          switches:
          - ports:
        %s""".formatted(ports), ServiceChain.class);
  }

  private static final List<ServiceInterface> INTERFACES = List.of(
      si("uplink", "uplink", "{node: dpu-1, interfaceType: physical, physical: {interfaceName: p0}}"),
      si("host", "host", "{node: dpu-1, interfaceType: pf, pf: {pfID: 0}}"),
      si("broken", "broken", "{node: dpu-1, interfaceType: pf, pf: {pfID: 7}}"),
      si("fw", "fw", "{node: dpu-1, interfaceType: service, service: {serviceID: firewall, network: n, interfaceName: eth1}}"),
      si("hbn", "hbn", "{node: dpu-1, interfaceType: service, service: {serviceID: hbn, network: n, interfaceName: p0_if}}"));

  private static final List<Pod> PODS = List.of(Serialization.unmarshal("""
      apiVersion: v1
      kind: Pod
      metadata: {name: fw-abc, namespace: ns, labels: {svc.dpu.nvidia.com/service: firewall}}
      spec: {nodeName: dpu-1, containers: [{name: c, image: i}]}
      """, Pod.class), Serialization.unmarshal("""
      apiVersion: v1
      kind: Pod
      metadata: {name: hbn-0, namespace: ns, labels: {svc.dpu.nvidia.com/service: hbn}}
      spec: {nodeName: dpu-1, containers: [{name: c, image: i}]}
      """, Pod.class));

  @Test
  void portsAreFoundByDpfIdOfTheInterfaceOrOfTheServicePodsInterface_orThroughTheHbnPatchPort() {
    ChainPorts.Resolution resolution = ChainPorts.resolve(chain("uplink", "host", "fw", "hbn"), NODE, INTERFACES, PODS,
        OvsSnapshotFixture.sfcAndHbn());
    assertThat(resolution.problems()).isEmpty();
    assertThat(resolution.ofports()).containsExactly(List.of(1, 2, 3, 9));
  }

  @Test
  void unknownInterfacesMissingPodsAndUnusablePortsAreNamedWhileTheRestIsResolved() {
    ChainPorts.Resolution resolution = ChainPorts.resolve(chain("uplink", "nothing", "broken", "host"), NODE, INTERFACES,
        List.of(), OvsSnapshotFixture.sfcAndHbn());
    assertThat(resolution.ofports()).containsExactly(List.of(1, 2));
    assertThat(resolution.problems()).containsExactly(
        "switch 1 port 2: no ServiceInterface on node dpu-1 in namespace ns match {role=nothing}",
        "switch 1 port 3: port pf7hpf of ServiceInterface broken is not usable: "
            + "could not open network device pf7hpf (No such device)");

    assertThat(ChainPorts.resolve(chain("fw"), NODE, INTERFACES, List.of(), OvsSnapshotFixture.sfcAndHbn()).problems())
        .containsExactly("switch 1 port 1: ServiceInterface fw is served by no pod with svc.dpu.nvidia.com/service=firewall"
            + " on node dpu-1; expected one");
  }

  @Test
  void anInterfaceTwiceInAChainIsRefusedTheSecondTime() {
    ChainPorts.Resolution resolution = ChainPorts.resolve(chain("host", "uplink", "host"), NODE, INTERFACES, PODS,
        OvsSnapshotFixture.sfcAndHbn());
    assertThat(resolution.ofports()).containsExactly(List.of(2, 1));
    assertThat(resolution.problems()).singleElement().asString()
        .contains("switch 1 port 3: ServiceInterface host is already switch 1 port 1");
  }
}
