package io.dpf.operator.ovn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.HostNetworkConfiguration;
import io.dpf.operator.inventory.InvalidConfigException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomOvnKubernetesTest {

  static HostNetworkConfiguration seedNetwork() {
    return new KubernetesSerialization().unmarshal(CustomOvnKubernetesTest.class.getResourceAsStream(
        "/seed-dpfoperatorconfig.yaml"), DPFOperatorConfig.class).getSpec().getHostNetworkConfiguration();
  }

  @Test
  void configAddsTheDpuOffloadSettingsToTheirSections() throws Exception {
    String conf = CustomOvnKubernetes.config(FakeOpenShift.ovnkubeConfig()).getData().get("ovnkube.conf");
    assertThat(conf).contains("[gateway]\ndisable-pkt-mtu-check=true\nmode=shared")
        .contains("[default]\ncontrol-ovn-encap-ip-external-id=false\nmtu=");
  }

  @Test
  void aConfigWithoutTheExpectedSectionsIsRefusedWithTheReason() {
    ConfigMap odd = FakeOpenShift.ovnkubeConfig();
    odd.setData(Map.of("ovnkube.conf", "[default]\nmtu=1400"));
    assertThatThrownBy(() -> CustomOvnKubernetes.config(odd)).isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("lacks a [gateway] section");
  }

  @Test
  void scriptLibTalksToTheDpuOvsAndUsesEachHostsGateway() throws Exception {
    ConfigMap lib = CustomOvnKubernetes.scriptLib(FakeOpenShift.ovnkubeScriptLib(), seedNetwork());
    String script = lib.getMetadata().getName().equals("ovnkube-script-lib-dpf") ? lib.getData().get("ovnkube-lib.sh") : null;
    assertThat(script).contains("vswitch_remote=\"tcp:10.100.1.1:8500\"").contains("--db ${vswitch_remote}")
        .contains("--gateway-interface ens2f0np0 --gateway-nexthop").doesNotContain("br-ex");
    assertThat(lib.getData().get("dpf-inventory.json")).contains("\"hostClusterNodeName\":\"ocp-worker-1\"")
        .contains("\"gateway\":\"10.0.96.254\"");
  }

  @Test
  void daemonSetRunsTheDpuImageOnPreconfiguredNodesWithTheCopiedConfigMaps() throws Exception {
    DaemonSet ds = CustomOvnKubernetes.daemonSet(FakeOpenShift.ovnkubeNode(), seedNetwork(), "dpu-image:1");
    assertThat(ds.getMetadata().getName()).isEqualTo("ovnkube-node-dpf");
    assertThat(ds.getSpec().getSelector().getMatchLabels()).containsEntry("app", "ovnkube-node-dpf");
    var pod = ds.getSpec().getTemplate().getSpec();
    assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getKey())
        .isEqualTo("dpf.nvidia.com/network-preconfig-ready");
    assertThat(pod.getVolumes()).filteredOn(v -> v.getConfigMap() != null).extracting(v -> v.getConfigMap().getName())
        .containsExactlyInAnyOrder("ovnkube-script-lib-dpf", "ovnkube-config-dpf");
    assertThat(pod.getContainers()).allSatisfy(c -> assertThat(c.getImage()).isEqualTo("dpu-image:1"));
    assertThat(pod.getContainers().get(1).getEnv()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("OVNKUBE_NODE_MGMT_PORT_NETDEV");
      assertThat(e.getValue()).isEqualTo("enp23s0f0v0");
    });
    assertThat(FakeOpenShift.ovnkubeNode().getMetadata().getName()).as("original untouched").isEqualTo("ovnkube-node");
  }

  @Test
  void aDaemonSetWithoutTheOvnControllerContainerIsRefused() {
    DaemonSet odd = FakeOpenShift.ovnkubeNode();
    odd.getSpec().getTemplate().getSpec().getContainers().remove(0);
    assertThatThrownBy(() -> CustomOvnKubernetes.daemonSet(odd, seedNetwork(), "x"))
        .hasMessageContaining("has no container ovn-controller");
  }

  @Test
  void provisionersCarryTheirSideOfTheHostNetworkConfiguration() {
    var host = CniProvisioners.host("dpf-operator-system", seedNetwork(), "img");
    var dpu = CniProvisioners.dpu("dpf-operator-system", seedNetwork(), "10.0.0.0/16", "img");
    assertThat(((ConfigMap) host.get(0)).getData().get("config.json")).contains("\"hostPF0\":\"ens2f0np0\"")
        .contains("\"hostIP\":\"10.0.96.10/24\"");
    assertThat(((ConfigMap) dpu.get(0)).getData().get("config.json")).contains("\"hostCIDR\":\"10.0.0.0/16\"")
        .contains("\"dpuIP\":\"10.0.97.20/24\"");
    assertThat(((DaemonSet) host.get(1)).getSpec().getTemplate().getSpec().getNodeSelector())
        .containsKey("node-role.kubernetes.io/worker");
  }
}
