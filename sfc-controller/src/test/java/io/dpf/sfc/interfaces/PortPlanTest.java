package io.dpf.sfc.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortPlanTest {

  private static ServiceInterface si(String spec) {
    return Serialization.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceInterface
        metadata: {name: p, namespace: ns}
        spec: %s
        """.formatted(spec), ServiceInterface.class);
  }

  private static DesiredPort only(PortPlan plan) {
    assertThat(plan).isInstanceOf(PortPlan.Ports.class);
    assertThat(((PortPlan.Ports) plan).ports()).hasSize(1);
    return ((PortPlan.Ports) plan).ports().get(0);
  }

  @Test
  void physicalPfAndVfPortsAreNamedAsDpfNamesThemOnBrSfc() {
    DesiredPort physical = only(PortPlan.of(si("{node: n, interfaceType: physical, physical: {interfaceName: p0}}"), "dpdk"));
    assertThat(physical).isEqualTo(new DesiredPort("br-sfc", "p0", "dpdk", Map.of(), "ns/p", "physical"));
    assertThat(only(PortPlan.of(si("{interfaceType: pf, pf: {pfID: 1}}"), "dpdk")).name()).isEqualTo("pf1hpf");
    assertThat(only(PortPlan.of(si("{interfaceType: vf, vf: {pfID: 0, vfID: 3}}"), "system")))
        .isEqualTo(new DesiredPort("br-sfc", "pf0vf3", "system", Map.of(), "ns/p", "vf"));
  }

  @Test
  void ovnIsAPatchPairBetweenBrOvnAndBrSfcWithTheIdOnTheSfcHalf() {
    PortPlan.Ports plan = (PortPlan.Ports) PortPlan.of(si("{interfaceType: ovn}"), "dpdk");
    assertThat(plan.ports()).containsExactly(
        new DesiredPort("br-ovn", "puplinkbrovn", "patch", Map.of("peer", "puplinkbrsfc"), null, "ovn"),
        new DesiredPort("br-sfc", "puplinkbrsfc", "patch", Map.of("peer", "puplinkbrovn"), "ns/p", "ovn"));
  }

  @Test
  void serviceIsTheCnisAndVlanIsRefusedWithAReason() {
    assertThat(PortPlan.of(si("{interfaceType: service, service: {serviceID: s, network: n, interfaceName: eth1}}"), "dpdk"))
        .isInstanceOf(PortPlan.NothingToCreate.class);
    assertThat(PortPlan.of(si("{interfaceType: vlan, vlan: {vlanID: 10, parentInterfaceRef: p0}}"), "dpdk"))
        .isEqualTo(new PortPlan.Unsupported("interfaceType vlan is not programmed by the sfc-controller"));
  }
}
