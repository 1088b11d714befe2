package io.dpf.dpuservice.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceIPAM;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.dpf.api.thirdparty.nvipam.v1alpha1.CIDRPool;
import io.dpf.api.thirdparty.nvipam.v1alpha1.IPPool;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Children of chains and IPAM objects, cluster selection and address checks, without a cluster. */
class FanOutRenderingTest {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void emptySelectorTakesEveryClusterAndLabelsAndExpressionsNarrowIt() {
    assertThat(ClusterSelectors.selects(null, Map.of())).isTrue();
    assertThat(ClusterSelectors.selects(new LabelSelector(), Map.of("a", "b"))).isTrue();
    LabelSelector gold = new LabelSelectorBuilder().addToMatchLabels("tier", "gold").build();
    assertThat(ClusterSelectors.selects(gold, Map.of("tier", "gold"))).isTrue();
    assertThat(ClusterSelectors.selects(gold, Map.of("tier", "silver"))).isFalse();
    LabelSelector notLab = new LabelSelectorBuilder().addNewMatchExpression().withKey("env").withOperator("NotIn")
        .withValues("lab").endMatchExpression().addNewMatchExpression().withKey("zone").withOperator("Exists")
        .endMatchExpression().build();
    assertThat(ClusterSelectors.selects(notLab, Map.of("env", "prod", "zone", "z1"))).isTrue();
    assertThat(ClusterSelectors.selects(notLab, Map.of("env", "lab", "zone", "z1"))).isFalse();
    assertThat(ClusterSelectors.selects(notLab, Map.of("env", "prod"))).isFalse();
  }

  @Test
  void chainBecomesASetWithTheSameNameTemplateLabelsAndBackLinks() {
    DPUServiceChain chain = JSON.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceChain
        metadata: {name: c, namespace: ns}
        spec:
          template:
            metadata: {labels: {team: net}, annotations: {a: b}}
            spec:
              template:
                spec:
                  switches: [{ports: [{serviceInterface: {matchLabels: {x: y}}}]}]
        """, DPUServiceChain.class);

    List<HasMetadata> children = new DPUServiceChainFanOut().desiredChildren(chain);

    assertThat(children).singleElement().isInstanceOfSatisfying(ServiceChainSet.class, set -> {
      assertThat(set.getMetadata().getName()).isEqualTo("c");
      assertThat(set.getMetadata().getNamespace()).isEqualTo("ns");
      assertThat(set.getMetadata().getLabels()).containsEntry("team", "net")
          .containsEntry(DPUServiceChainFanOut.NAME_LABEL, "c").containsEntry(DPUServiceChainFanOut.NAMESPACE_LABEL, "ns");
      assertThat(set.getMetadata().getAnnotations()).containsEntry("a", "b");
      assertThat(set.getSpec().getTemplate().getSpec().getSwitches()).hasSize(1);
    });
    assertThat(new DPUServiceChainFanOut().notReady(children.get(0))).hasValueSatisfying(why ->
        assertThat(why).contains("no status yet"));
  }

  @Test
  void networkModeBecomesACidrPoolAndSubnetModeAnIpPool() {
    DPUServiceIPAM network = ipam("""
        ipv4Network: {network: 10.0.0.0/16, prefixSize: 24, gatewayIndex: 1, exclusions: [10.0.0.5],
                      allocations: {n2: 10.0.2.0/24, n1: 10.0.1.0/24}, defaultGateway: true, routes: [{dst: 5.5.0.0/16}]}
        """);
    CIDRPool cidrPool = (CIDRPool) new DPUServiceIPAMFanOut().desiredChildren(network).get(0);
    assertThat(cidrPool.getSpec().getCidr()).isEqualTo("10.0.0.0/16");
    assertThat(cidrPool.getSpec().getPerNodeNetworkPrefix()).isEqualTo(24);
    assertThat(cidrPool.getSpec().getGatewayIndex()).isEqualTo(1);
    assertThat(cidrPool.getSpec().getExclusions()).singleElement()
        .satisfies(r -> assertThat(r.getStartIP() + "-" + r.getEndIP()).isEqualTo("10.0.0.5-10.0.0.5"));
    assertThat(cidrPool.getSpec().getStaticAllocations()).extracting(a -> a.getNodeName() + "=" + a.getPrefix())
        .containsExactly("n1=10.0.1.0/24", "n2=10.0.2.0/24");
    assertThat(cidrPool.getSpec().getRoutes()).singleElement().satisfies(r -> assertThat(r.getDst()).isEqualTo("5.5.0.0/16"));
    assertThat(cidrPool.getMetadata().getLabels()).containsEntry("pool", "p");

    IPPool ipPool = (IPPool) new DPUServiceIPAMFanOut().desiredChildren(ipam("""
        ipv4Subnet: {subnet: 192.168.0.0/20, gateway: 192.168.0.1, perNodeIPCount: 256}
        """)).get(0);
    assertThat(ipPool.getSpec().getSubnet()).isEqualTo("192.168.0.0/20");
    assertThat(ipPool.getSpec().getGateway()).isEqualTo("192.168.0.1");
    assertThat(ipPool.getSpec().getPerNodeBlockSize()).isEqualTo(256);
  }

  @Test
  void addressesOutsideTheNetworkAreRefusedWithAReason() {
    DPUServiceIPAMFanOut kind = new DPUServiceIPAMFanOut();
    assertThat(kind.invalid(ipam("ipv4Network: {network: 10.0.0.0/16, prefixSize: 24}"))).isEmpty();
    assertThat(kind.invalid(ipam("ipv4Network: {network: 10.0.0.0/16, prefixSize: 8}"))).isPresent();
    assertThat(kind.invalid(ipam("ipv4Network: {network: 10.0.0.0/16, prefixSize: 24, exclusions: [10.1.0.1]}")))
        .hasValueSatisfying(why -> assertThat(why).contains("exclusion 10.1.0.1"));
    assertThat(kind.invalid(ipam("ipv4Network: {network: 10.0.0.0/16, prefixSize: 24, allocations: {n: 10.2.0.0/24}}")))
        .hasValueSatisfying(why -> assertThat(why).contains("allocation 10.2.0.0/24 of node n"));
    assertThat(kind.invalid(ipam("ipv4Subnet: {subnet: 192.168.0.0/20, gateway: 192.168.15.254, perNodeIPCount: 8}")))
        .isEmpty();
    assertThat(kind.invalid(ipam("ipv4Subnet: {subnet: 192.168.0.0/20, gateway: 192.168.16.1, perNodeIPCount: 8}")))
        .hasValueSatisfying(why -> assertThat(why).contains("outside the subnet"));
  }

  private static DPUServiceIPAM ipam(String specBody) {
    String indented = specBody.strip().replace("\n", "\n  ");
    return JSON.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceIPAM
        metadata: {name: p, namespace: dpf-operator-system}
        spec:
          metadata: {labels: {pool: p}}
          %s
        """.formatted(indented), DPUServiceIPAM.class);
  }
}
