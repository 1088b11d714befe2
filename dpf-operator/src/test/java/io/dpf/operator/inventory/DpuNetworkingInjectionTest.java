package io.dpf.operator.inventory;

import static io.dpf.operator.inventory.DpuNetworkingContractTest.configMapMountedAt;
import static io.dpf.operator.inventory.DpuNetworkingContractTest.container;
import static io.dpf.operator.inventory.DpuNetworkingContractTest.hostPathMountedAt;
import static io.dpf.operator.inventory.DpuNetworkingContractTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.operator.v1alpha1.ContainerImageConfiguration;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.FlannelConfiguration;
import io.dpf.api.operator.v1alpha1.HelmComponentConfiguration;
import io.dpf.api.operator.v1alpha1.Networking;
import io.dpf.api.operator.v1alpha1.Overrides;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What DPF injects from the DPFOperatorConfig (MTUs, pod CIDR, images, pull secrets, the DPUs' CNI
 * and Open vSwitch paths) reaches the objects each component's chart renders, through the
 * DPUService's Helm values and the real helm CLI.
 */
class DpuNetworkingInjectionTest {

  static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  /** The seed with every injected setting moved off its default. */
  static DPFOperatorConfig customized() {
    DPFOperatorConfig config = InventoryRenderingTest.seed();
    Networking networking = new Networking();
    networking.setControlPlaneMTU(1450);
    networking.setHighSpeedMTU(9000);
    config.getSpec().setNetworking(networking);
    Overrides overrides = config.getSpec().getOverrides();
    overrides.setDpuCNIBinPath("/usr/libexec/cni");
    overrides.setDpuCNIPath("/var/lib/cni/net.d/");
    overrides.setDpuOpenvSwitchRunPath("/run/openvswitch");
    config.getSpec().setImagePullSecrets(List.of("mirror-secret"));
    FlannelConfiguration flannel = new FlannelConfiguration();
    flannel.setPodCIDR("10.128.0.0/14");
    flannel.setDaemon(image("registry.local:5000/mirror/flannel:v0.27.2"));
    flannel.setCni(image("registry.local:5000/mirror/flannel-cni-plugin:v1.7.1-flannel1"));
    config.getSpec().setFlannel(flannel);
    config.getSpec().setMultus(helm("registry.local:5000/mirror/multus-cni@" + DIGEST));
    config.getSpec().setNvipam(helm("registry.local:5000/mirror/nvidia-k8s-ipam:v0.4.0@" + DIGEST));
    config.getSpec().setOvsCNI(helm("registry.local:5000/mirror/ovs-cni-plugin:v0.37.0"));
    return config;
  }

  @Test
  void multusGetsTheHighSpeedMtuTheCniPathsItsImageAndThePullSecrets() throws Exception {
    RenderedChart chart = RenderedChart.of(customized(), "multus");
    PodSpec pod = chart.get(DaemonSet.class, "multus").getSpec().getTemplate().getSpec();
    assertThat(container(pod, "kube-multus").getImage()).as("pinned by digest alone: no chart tag beside it")
        .isEqualTo("registry.local:5000/mirror/multus-cni@" + DIGEST);
    assertThat(pod.getImagePullSecrets()).extracting("name").containsExactly("mirror-secret", "dpf-pull-secret");
    assertThat(hostPathMountedAt(pod, container(pod, "kube-multus"), "/host/opt/cni/bin")).isEqualTo("/usr/libexec/cni");
    assertThat(hostPathMountedAt(pod, container(pod, "kube-multus"), "/host/etc/cni/net.d")).isEqualTo("/var/lib/cni/net.d/");
    assertThat(json(chart.get(ConfigMap.class, "multus-daemon-config"), "daemon-config.json").path("kubeconfig").asText())
        .isEqualTo("/var/lib/cni/net.d/multus.d/multus.kubeconfig");
    GenericKubernetesResource nad = (GenericKubernetesResource) chart.objects().stream()
        .filter(o -> o.getKind().equals("NetworkAttachmentDefinition")).findFirst().orElseThrow();
    String config = (String) ((Map<?, ?>) nad.getAdditionalProperties().get("spec")).get("config");
    assertThat(DpuNetworkingContractTest.JSON.unmarshal(config, JsonNode.class).path("mtu").asInt()).isEqualTo(9000);
  }

  @Test
  void flannelGetsThePodCidrTheControlPlaneMtuTheCniPathsAndItsTwoImages() throws Exception {
    RenderedChart chart = RenderedChart.of(customized(), "flannel");
    JsonNode netConf = json(chart.get(ConfigMap.class, "kube-flannel-cfg"), "net-conf.json");
    assertThat(netConf.path("Network").asText()).isEqualTo("10.128.0.0/14");
    assertThat(netConf.at("/Backend/MTU").asInt()).isEqualTo(1450);
    PodSpec pod = chart.get(DaemonSet.class, "flannel").getSpec().getTemplate().getSpec();
    assertThat(container(pod, "kube-flannel").getImage()).isEqualTo("registry.local:5000/mirror/flannel:v0.27.2");
    assertThat(container(pod, "install-cni-plugin").getImage())
        .isEqualTo("registry.local:5000/mirror/flannel-cni-plugin:v1.7.1-flannel1");
    assertThat(hostPathMountedAt(pod, container(pod, "install-cni-plugin"), "/opt/cni/bin")).isEqualTo("/usr/libexec/cni");
    assertThat(pod.getImagePullSecrets()).extracting("name").containsExactly("mirror-secret", "dpf-pull-secret");
    assertThat(pod.getInitContainers()).extracting("name").as("Multus's configuration calls flannel")
        .containsExactly("install-cni-plugin");
  }

  @Test
  void withoutMultusFlannelInstallsItsOwnCniConfiguration() throws Exception {
    DPFOperatorConfig config = customized();
    config.getSpec().getMultus().setDisable(true);
    PodSpec pod = RenderedChart.of(config, "flannel").get(DaemonSet.class, "flannel").getSpec().getTemplate().getSpec();
    assertThat(pod.getInitContainers()).extracting("name").containsExactly("install-cni-plugin", "install-cni");
    assertThat(hostPathMountedAt(pod, container(pod, "install-cni"), "/etc/cni/net.d")).isEqualTo("/var/lib/cni/net.d/");
    assertThat(configMapMountedAt(pod, container(pod, "install-cni"), "/etc/kube-flannel/")).isEqualTo("kube-flannel-cfg");

    config.getSpec().getOverrides().setFlannelSkipCNIConfigInstallation(true);
    assertThat(RenderedChart.of(config, "flannel").get(DaemonSet.class, "flannel").getSpec().getTemplate().getSpec()
        .getInitContainers()).extracting("name").as("the override wins").containsExactly("install-cni-plugin");
  }

  @Test
  void nvipamGetsTheCniPathsAndItsImageInBothWorkloads() throws Exception {
    RenderedChart chart = RenderedChart.of(customized(), "nvidia-k8s-ipam");
    String image = "registry.local:5000/mirror/nvidia-k8s-ipam:v0.4.0@" + DIGEST;
    PodSpec node = chart.get(DaemonSet.class, "nvidia-k8s-ipam").getSpec().getTemplate().getSpec();
    assertThat(container(node, "node").getImage()).isEqualTo(image);
    assertThat(hostPathMountedAt(node, container(node, "node"), "/opt/cni/bin")).isEqualTo("/usr/libexec/cni");
    assertThat(hostPathMountedAt(node, container(node, "node"), "/etc/cni/net.d/nv-ipam.d"))
        .isEqualTo("/var/lib/cni/net.d/nv-ipam.d");
    PodSpec controller = chart.get(Deployment.class, "nvidia-k8s-ipam-controller").getSpec().getTemplate().getSpec();
    assertThat(container(controller, "controller").getImage()).isEqualTo(image);
    assertThat(controller.getImagePullSecrets()).extracting("name").containsExactly("mirror-secret", "dpf-pull-secret");
  }

  @Test
  void ovsCniGetsTheOpenvSwitchRunPathTheCniBinPathAndItsImage() throws Exception {
    PodSpec pod = RenderedChart.of(customized(), "ovs-cni").get(DaemonSet.class, "ovs-cni").getSpec().getTemplate()
        .getSpec();
    assertThat(hostPathMountedAt(pod, container(pod, "ovs-cni-marker"), "/host/var/run/openvswitch"))
        .isEqualTo("/run/openvswitch");
    assertThat(hostPathMountedAt(pod, container(pod, "ovs-cni-plugin"), "/host/opt/cni/bin")).isEqualTo("/usr/libexec/cni");
    assertThat(container(pod, "ovs-cni-marker").getImage()).isEqualTo("registry.local:5000/mirror/ovs-cni-plugin:v0.37.0");
  }

  @Test
  void theSriovDevicePluginGetsItsImageAndThePullSecrets() throws Exception {
    DPFOperatorConfig config = customized();
    config.getSpec().setSriovDevicePlugin(helm("registry.local:5000/mirror/sriov-network-device-plugin:v3.11.0"));
    PodSpec pod = RenderedChart.of(config, "sriov-device-plugin").get(DaemonSet.class, "sriov-device-plugin").getSpec()
        .getTemplate().getSpec();
    assertThat(container(pod, "kube-sriovdp").getImage())
        .isEqualTo("registry.local:5000/mirror/sriov-network-device-plugin:v3.11.0");
    assertThat(pod.getImagePullSecrets()).extracting("name").containsExactly("mirror-secret", "dpf-pull-secret");
  }

  private static ContainerImageConfiguration image(String image) {
    ContainerImageConfiguration c = new ContainerImageConfiguration();
    c.setImage(image);
    return c;
  }

  private static HelmComponentConfiguration helm(String image) {
    HelmComponentConfiguration c = new HelmComponentConfiguration();
    c.setImage(image);
    return c;
  }
}
