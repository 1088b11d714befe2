package io.dpf.operator.inventory;

import static io.dpf.operator.inventory.RenderedChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per component, with the seed's DPFOperatorConfig: the objects the operator's DPUService makes the
 * dpu-networking chart render carry what the upstream component needs to run on a DPU: its RBAC
 * verbs, CRDs, configuration files, host mounts and arguments. (Whether the upstream containers then
 * run is out of reach here: their images are on registries this machine cannot pull from.)
 */
class DpuNetworkingContractTest {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  static RenderedChart render(String component) throws Exception {
    return RenderedChart.of(InventoryRenderingTest.seed(), component);
  }

  @ParameterizedTest
  @ValueSource(strings = {"multus", "sriov-device-plugin", "flannel", "nvidia-k8s-ipam", "ovs-cni"})
  void everyServiceAccountCanMakeTheCallsItsComponentMakesAndNoMore(String component) throws Exception {
    List<HasMetadata> objects = render(component).objects();
    for (UpstreamPermissions.Call call : UpstreamPermissions.CALLS.get(component)) {
      List<PolicyRule> rules = UpstreamPermissions.rules(objects, call.serviceAccount(), NAMESPACE, call.namespaced());
      assertThat(UpstreamPermissions.grants(rules, call)).as(call.toString()).isTrue();
    }
    List<String> accounts = objects.stream().filter(ServiceAccount.class::isInstance)
        .map(o -> o.getMetadata().getName()).toList();
    for (String account : accounts) {
      assertThat(UpstreamPermissions.rules(objects, account, NAMESPACE, true)).as(account + " least privilege")
          .allSatisfy(rule -> {
            assertThat(rule.getVerbs()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*", "secrets");
          });
    }
    assertThat(objects).filteredOn(o -> o instanceof DaemonSet || o instanceof Deployment)
        .allSatisfy(o -> assertThat(accounts).contains(pod(o).getServiceAccountName()));
  }

  @Test
  void multusIsInstalledAsTheCniWithAKubeconfigAndTheNadCrd() throws Exception {
    RenderedChart chart = render("multus");
    PodSpec pod = chart.get(DaemonSet.class, "multus").getSpec().getTemplate().getSpec();
    assertThat(pod.getHostNetwork()).isTrue();
    Container multus = container(pod, "kube-multus");
    assertThat(multus.getArgs()).contains("--multus-conf-file=/tmp/multus-conf/00-multus.conf");
    assertThat(hostPathMountedAt(pod, multus, "/host/etc/cni/net.d")).isEqualTo("/etc/cni/net.d/");
    assertThat(hostPathMountedAt(pod, multus, "/host/opt/cni/bin")).isEqualTo("/opt/cni/bin");
    assertThat(configMapMountedAt(pod, multus, "/tmp/multus-conf")).isEqualTo("multus-daemon-config");

    JsonNode conf = json(chart.get(ConfigMap.class, "multus-daemon-config"), "daemon-config.json");
    assertThat(conf.path("type").asText()).isEqualTo("multus");
    assertThat(conf.path("kubeconfig").asText())
        .as("where the pod writes the kubeconfig, on the host").isEqualTo("/etc/cni/net.d/multus.d/multus.kubeconfig");
    assertThat(conf.at("/delegates/0/plugins").findValuesAsText("type")).containsExactly("flannel", "portmap");

    assertThat(chart.get(CustomResourceDefinition.class, "network-attachment-definitions.k8s.cni.cncf.io")
        .getSpec().getVersions()).extracting("name").containsExactly("v1");
    GenericKubernetesResource nad = (GenericKubernetesResource) chart.objects().stream()
        .filter(o -> o.getKind().equals("NetworkAttachmentDefinition")).findFirst().orElseThrow();
    JsonNode nadConfig = JSON.unmarshal((String) ((Map<?, ?>) nad.getAdditionalProperties().get("spec"))
        .get("config"), JsonNode.class);
    assertThat(nadConfig.path("type").asText()).isEqualTo("ovs");
    assertThat(nadConfig.path("bridge").asText()).isEqualTo("br-hbn");
  }

  @Test
  void theDevicePluginGetsItsResourceListAndTheKubeletSockets() throws Exception {
    RenderedChart chart = render("sriov-device-plugin");
    PodSpec pod = chart.get(DaemonSet.class, "sriov-device-plugin").getSpec().getTemplate().getSpec();
    Container plugin = container(pod, "kube-sriovdp");
    assertThat(plugin.getArgs()).contains("--config-file=/etc/pcidp/config.json");
    assertThat(configMapMountedAt(pod, plugin, "/etc/pcidp")).isEqualTo("sriovdp-config");
    assertThat(hostPathMountedAt(pod, plugin, "/var/lib/kubelet/device-plugins")).isEqualTo("/var/lib/kubelet/device-plugins");
    assertThat(hostPathMountedAt(pod, plugin, "/var/lib/kubelet/plugins_registry"))
        .isEqualTo("/var/lib/kubelet/plugins_registry");
    assertThat(hostPathMountedAt(pod, plugin, "/var/run/k8s.cni.cncf.io/devinfo/dp"))
        .isEqualTo("/var/run/k8s.cni.cncf.io/devinfo/dp");
    assertThat(pod.getAutomountServiceAccountToken()).as("it never calls the API server").isFalse();

    JsonNode config = json(chart.get(ConfigMap.class, "sriovdp-config"), "config.json");
    assertThat(config.path("resourceList").findValuesAsText("resourceName")).containsExactly("bf_sf", "bf_sf_trusted", "bf_vf");
    assertThat(config.path("resourceList").findValuesAsText("resourcePrefix")).containsOnly("nvidia.com");
    assertThat(config.at("/resourceList/0/selectors/0/pfNames/0").asText()).isEqualTo("p0#1-100");
  }

  @Test
  void flannelGetsItsNetConfAndItsNodesSubnetsFromTheApi() throws Exception {
    RenderedChart chart = render("flannel");
    PodSpec pod = chart.get(DaemonSet.class, "flannel").getSpec().getTemplate().getSpec();
    Container flanneld = container(pod, "kube-flannel");
    assertThat(flanneld.getCommand()).containsExactly("/opt/bin/flanneld");
    assertThat(flanneld.getArgs()).contains("--kube-subnet-mgr", "--ip-masq");
    assertThat(configMapMountedAt(pod, flanneld, "/etc/kube-flannel/")).isEqualTo("kube-flannel-cfg");
    assertThat(hostPathMountedAt(pod, flanneld, "/run/flannel")).as("subnet.env for the CNI plugin").isEqualTo("/run/flannel");
    assertThat(flanneld.getSecurityContext().getCapabilities().getAdd()).contains("NET_ADMIN", "NET_RAW");
    assertThat(flanneld.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(hostPathMountedAt(pod, container(pod, "install-cni-plugin"), "/opt/cni/bin")).isEqualTo("/opt/cni/bin");

    JsonNode netConf = json(chart.get(ConfigMap.class, "kube-flannel-cfg"), "net-conf.json");
    assertThat(netConf.path("Network").asText()).isEqualTo("10.244.0.0/14");
    assertThat(netConf.at("/Backend/Type").asText()).isEqualTo("vxlan");
    assertThat(netConf.at("/Backend/MTU").asInt()).isEqualTo(1500);
    assertThat(json(chart.get(ConfigMap.class, "kube-flannel-cfg"), "cni-conf.json").path("plugins")
        .findValuesAsText("type")).containsExactly("flannel", "portmap");
  }

  @Test
  void nvipamBringsItsPoolKindsAControllerAndANodeDaemon() throws Exception {
    RenderedChart chart = render("nvidia-k8s-ipam");
    assertThat(chart.all(CustomResourceDefinition.class)).extracting(c -> c.getMetadata().getName())
        .containsExactlyInAnyOrder("ippools.nv-ipam.nvidia.com", "cidrpools.nv-ipam.nvidia.com");
    assertThat(chart.all(CustomResourceDefinition.class))
        .allSatisfy(c -> assertThat(c.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull());

    Container controller = container(chart.get(Deployment.class, "nvidia-k8s-ipam-controller").getSpec().getTemplate()
        .getSpec(), "controller");
    assertThat(controller.getArgs()).contains("--leader-elect=true", "--ippools-namespace=$(POD_NAMESPACE)");
    assertThat(controller.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(controller.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();

    PodSpec node = chart.get(DaemonSet.class, "nvidia-k8s-ipam").getSpec().getTemplate().getSpec();
    Container daemon = container(node, "node");
    assertThat(daemon.getArgs()).contains("--cni-bin-dir=/opt/cni/bin", "--cni-conf-dir=/etc/cni/net.d/nv-ipam.d",
        "--node-name=$(NODE_NAME)", "--ippools-namespace=$(POD_NAMESPACE)");
    assertThat(hostPathMountedAt(node, daemon, "/opt/cni/bin")).isEqualTo("/opt/cni/bin");
    assertThat(hostPathMountedAt(node, daemon, "/etc/cni/net.d/nv-ipam.d")).isEqualTo("/etc/cni/net.d/nv-ipam.d");
    assertThat(hostPathMountedAt(node, daemon, "/var/lib/cni/nv-ipam/")).as("its store and socket").isNotNull();
  }

  @Test
  void ovsCniInstallsThePluginAndMarksTheNodesBridges() throws Exception {
    RenderedChart chart = render("ovs-cni");
    PodSpec pod = chart.get(DaemonSet.class, "ovs-cni").getSpec().getTemplate().getSpec();
    Container install = container(pod, "ovs-cni-plugin");
    assertThat(String.join(" ", install.getArgs())).contains("cp /ovs /host/opt/cni/bin/ovs");
    assertThat(hostPathMountedAt(pod, install, "/host/opt/cni/bin")).isEqualTo("/opt/cni/bin");
    Container marker = container(pod, "ovs-cni-marker");
    assertThat(marker.getArgs()).contains("-ovs-socket", "unix:/host/var/run/openvswitch/db.sock", "-node-name");
    assertThat(hostPathMountedAt(pod, marker, "/host/var/run/openvswitch")).isEqualTo("/var/run/openvswitch/");
    assertThat(marker.getLivenessProbe().getExec().getCommand()).anySatisfy(c -> assertThat(c).contains("/tmp/healthy"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"multus", "sriov-device-plugin", "flannel", "nvidia-k8s-ipam", "ovs-cni"})
  void nodeDaemonsRunOnEveryDpuNodeAtNodeCriticalPriorityWithThePullSecrets(String component) throws Exception {
    RenderedChart chart = render(component);
    DaemonSet daemon = chart.get(DaemonSet.class, component);
    PodSpec pod = daemon.getSpec().getTemplate().getSpec();
    assertThat(pod.getPriorityClassName()).isEqualTo("system-node-critical");
    assertThat(pod.getTolerations()).as("tolerates every NoSchedule and NoExecute taint")
        .anySatisfy(t -> assertThat(t.getOperator() + t.getEffect() + t.getKey()).isEqualTo("ExistsNoSchedulenull"))
        .anySatisfy(t -> assertThat(t.getOperator() + t.getEffect() + t.getKey()).isEqualTo("ExistsNoExecutenull"));
    assertThat(pod.getNodeSelector()).as("no architecture pinned: DPUs are arm64, test nodes amd64").isNullOrEmpty();
    assertThat(pod.getImagePullSecrets()).extracting("name").containsExactly("dpf-pull-secret");
    assertThat(daemon.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", component);
  }

  @ParameterizedTest
  @ValueSource(strings = {"multus", "sriov-device-plugin", "nvidia-k8s-ipam", "ovs-cni"})
  void theChartsDefaultImageIsTheReleaseDefault(String component) throws Exception {
    JsonNode values = JSON.unmarshal(Files.readString(subchart(component).resolve("values.yaml")), JsonNode.class);
    ImageRef release = ImageRef.parse(ReleaseDefaults.load().image(component));
    assertThat(values.at("/image/repository").asText() + ":" + values.at("/image/tag").asText())
        .isEqualTo(release.repository() + ":" + release.tag());
    DPFOperatorConfig seed = InventoryRenderingTest.seed();
    assertThat(RenderedChart.of(seed, component).all(DaemonSet.class)).allSatisfy(d ->
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
            .isEqualTo(ReleaseDefaults.load().image(component)));
  }

  static Path subchart(String component) {
    return RenderedChart.CHART.resolve("charts").resolve(component);
  }

  static PodSpec pod(HasMetadata workload) {
    return workload instanceof DaemonSet d ? d.getSpec().getTemplate().getSpec()
        : ((Deployment) workload).getSpec().getTemplate().getSpec();
  }

  static Container container(PodSpec pod, String name) {
    return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
        .filter(c -> c.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no container " + name));
  }

  /** The host path behind the container's mount at {@code mountPath}; null if it mounts none there. */
  static String hostPathMountedAt(PodSpec pod, Container container, String mountPath) {
    Volume volume = volumeMountedAt(pod, container, mountPath);
    return volume == null || volume.getHostPath() == null ? null : volume.getHostPath().getPath();
  }

  static String configMapMountedAt(PodSpec pod, Container container, String mountPath) {
    Volume volume = volumeMountedAt(pod, container, mountPath);
    return volume == null || volume.getConfigMap() == null ? null : volume.getConfigMap().getName();
  }

  private static Volume volumeMountedAt(PodSpec pod, Container container, String mountPath) {
    String name = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(mountPath))
        .map(VolumeMount::getName).findFirst().orElse(null);
    return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElse(null);
  }

  static JsonNode json(ConfigMap configMap, String key) {
    String text = configMap.getData().get(key);
    assertThat(text).as(configMap.getMetadata().getName() + " has " + key).isNotNull();
    return Serialization.unmarshal(text, JsonNode.class);
  }
}
