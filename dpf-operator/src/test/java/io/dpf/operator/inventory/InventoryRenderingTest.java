package io.dpf.operator.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dpf.api.LabelKeys;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.HelmComponentConfiguration;
import io.dpf.api.operator.v1alpha1.ImageComponentConfiguration;
import io.dpf.api.operator.v1alpha1.Networking;
import io.dpf.api.operator.v1alpha1.Overrides;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.operator.applyset.ApplySet;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryRenderingTest {

  static final KubernetesSerialization JSON = new KubernetesSerialization();
  final Inventory inventory = new Inventory(ReleaseDefaults.load());

  static DPFOperatorConfig seed() {
    return JSON.unmarshal(InventoryRenderingTest.class.getResourceAsStream("/seed-dpfoperatorconfig.yaml"),
        DPFOperatorConfig.class);
  }

  List<HasMetadata> render(DPFOperatorConfig config, String component) throws InvalidConfigException {
    Map<String, ComponentSettings> settings = inventory.settings(config.getSpec());
    Component c = inventory.components().stream().filter(x -> x.name().equals(component)).findFirst().orElseThrow();
    return c.render(new RenderInputs(config, settings.get(component), inventory.defaults(),
        ApplySet.id(component, config.getMetadata().getNamespace())));
  }

  static <T> T only(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  @Test
  void withArgoCdLeftToTheUserNothingOfItIsDeployed() {
    assertThat(inventory.names()).startsWith(Inventory.ARGOCD);
    assertThat(new Inventory(ReleaseDefaults.load(), false).names()).doesNotContain(Inventory.ARGOCD)
        .containsExactlyElementsOf(inventory.names().subList(1, inventory.names().size()));
  }

  @Test
  void componentsAreDeployedInInventoryOrder() {
    assertThat(inventory.names()).containsExactly("argocd", "provisioning-controller", "dpuservice-controller",
        "servicechainset-controller", "multus", "sriov-device-plugin", "flannel", "nvidia-k8s-ipam", "ovs-cni",
        "sfc-controller");
  }

  @Test
  void seedRendersTheProvisioningControllerWithItsPvcPullSecretAndControlPlaneScheduling() throws Exception {
    List<HasMetadata> objects = render(seed(), "provisioning-controller");
    Deployment deployment = only(objects, Deployment.class);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(deployment.getMetadata().getNamespace()).isEqualTo("dpf-operator-system");
    assertThat(deployment.getMetadata().getLabels()).containsEntry(LabelKeys.COMPONENT, "provisioning-controller")
        .containsEntry(LabelKeys.APPLYSET_PART_OF, ApplySet.id("provisioning-controller", "dpf-operator-system"));
    assertThat(pod.getContainers().get(0).getArgs()).contains("--bfb-pvc=bfb-pvc", "--image-pull-secret=dpf-pull-secret");
    assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("bfb-pvc"));
    assertThat(pod.getContainers().get(0).getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/bfb"));
    assertThat(pod.getImagePullSecrets()).extracting("name").containsExactly("dpf-pull-secret");
    assertThat(pod.getTolerations()).extracting("key")
        .containsExactly("node-role.kubernetes.io/master", "node-role.kubernetes.io/control-plane");
    assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms()).hasSize(2);
    assertThat(pod.getContainers().get(0).getImage()).isEqualTo("ghcr.io/dpf-java/provisioning-manager:0.1.0");
    assertThat(only(objects, ClusterRoleBinding.class).getSubjects().get(0).getNamespace())
        .isEqualTo("dpf-operator-system");
  }

  @Test
  void dpuSideComponentsBecomeDpuServicesOnTheUmbrellaChart() throws Exception {
    DPUService flannel = only(render(seed(), "flannel"), DPUService.class);
    assertThat(flannel.getMetadata().getName()).isEqualTo("flannel");
    assertThat(flannel.getSpec().getHelmChart().getSource().getRepoURL()).isEqualTo("oci://ghcr.io/dpf-java/charts");
    assertThat(flannel.getSpec().getHelmChart().getSource().getChart()).isEqualTo("dpu-networking");
    assertThat(flannel.getSpec().getHelmChart().getSource().getVersion()).isEqualTo("0.1.0");
    var values = flannel.getSpec().getHelmChart().getValues();
    assertThat(values.at("/flannel/enabled").asBoolean()).isTrue();
    assertThat(values.at("/flannel/flannel/mtu").asText()).isEqualTo("1500");
    assertThat(values.at("/flannel/imagePullSecrets/0/name").asText()).isEqualTo("dpf-pull-secret");

    DPUService multus = only(render(seed(), "multus"), DPUService.class);
    assertThat(multus.getSpec().getHelmChart().getValues().at("/multus/image/repository").asText())
        .isEqualTo("ghcr.io/k8snetworkplumbingwg/multus-cni");
    assertThat(multus.getSpec().getHelmChart().getValues().at("/multus/image/tag").asText())
        .isEqualTo("v3.9.3@sha256:c173235642a10055db53bc43898fc1058cc6b97178fc3472ce4dafdd6d940d0b");
  }

  @Test
  void overridesChangeImagesChartsAndMtusAndDisableComponents() throws Exception {
    DPFOperatorConfig config = seed();
    ImageComponentConfiguration dpuservice = new ImageComponentConfiguration();
    dpuservice.setImage("registry.local:5000/dpf/dpuservice-manager:dev");
    config.getSpec().setDpuServiceController(dpuservice);
    HelmComponentConfiguration multus = new HelmComponentConfiguration();
    multus.setHelmChart("https://charts.example.com/repo/multus-chart:1.2.3");
    config.getSpec().setMultus(multus);
    Networking networking = new Networking();
    networking.setHighSpeedMTU(9000);
    config.getSpec().setNetworking(networking);
    config.getSpec().getOverrides().setDisableSystemComponents(List.of("flannel"));

    Deployment manager = only(render(config, "dpuservice-controller"), Deployment.class);
    assertThat(manager.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("registry.local:5000/dpf/dpuservice-manager:dev");
    // The DPUService manager finds the operator's config by name, never by counting configs.
    assertThat(manager.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--config-namespace=" + config.getMetadata().getNamespace(),
            "--config-name=" + config.getMetadata().getName());
    DPUService multusService = only(render(config, "multus"), DPUService.class);
    assertThat(multusService.getSpec().getHelmChart().getSource().getRepoURL()).isEqualTo("https://charts.example.com/repo");
    assertThat(multusService.getSpec().getHelmChart().getSource().getChart()).isEqualTo("multus-chart");
    assertThat(multusService.getSpec().getHelmChart().getValues().at("/multus/mtu").asInt()).isEqualTo(9000);
    assertThat(inventory.settings(config.getSpec()).get("flannel").enabled()).isFalse();
    assertThat(inventory.settings(config.getSpec()).get("multus").enabled()).isTrue();
  }

  @Test
  void badInputIsRefusedWithAMessageThatSaysWhatToFix() {
    DPFOperatorConfig unknown = seed();
    unknown.getSpec().getOverrides().setDisableSystemComponents(List.of("flanel"));
    assertThatThrownBy(() -> inventory.settings(unknown.getSpec()))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("unknown component \"flanel\"");

    DPFOperatorConfig noPvc = seed();
    noPvc.getSpec().getProvisioningConfiguration().setBfbPVCName("");
    assertThatThrownBy(() -> render(noPvc, "provisioning-controller"))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("bfbPVCName");

    assertThatThrownBy(() -> HelmChartRef.parse("oci://ghcr.io/no-version"))
        .isInstanceOf(InvalidConfigException.class).hasMessageContaining("<repo>/<chart>:<version>");
    assertThatThrownBy(() -> HelmChartRef.parse("ftp://x/y:1")).hasMessageContaining("oci:// or https://");
  }

  @Test
  void argoCdBringsItsCrdsAndWorkloads() throws Exception {
    List<HasMetadata> objects = render(seed(), "argocd");
    assertThat(objects).extracting(HasMetadata::getKind).contains("CustomResourceDefinition", "StatefulSet", "Deployment");
    assertThat(objects).filteredOn(o -> o.getKind().equals("CustomResourceDefinition"))
        .extracting(o -> o.getMetadata().getName())
        .containsExactlyInAnyOrder("applications.argoproj.io", "appprojects.argoproj.io");
    assertThat(objects).allSatisfy(o -> assertThat(o.getMetadata().getLabels()).containsKey(LabelKeys.COMPONENT));
  }

  @Test
  void argoCdFindsRedisAndTheRepoServerThroughServicesAppliedBeforeItsWorkloads() throws Exception {
    List<HasMetadata> objects = render(seed(), "argocd");
    List<String> order = objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    // The kubelet gives a pod the variables of the Services that exist when it starts; the chart's
    // addresses are built from them, so no cluster DNS is needed.
    assertThat(order.indexOf("Service/argocd-redis")).isLessThan(order.indexOf("Deployment/argocd-repo-server"));
    assertThat(order.indexOf("Service/argocd-repo-server"))
        .isLessThan(order.indexOf("StatefulSet/argocd-application-controller"));
    var controller = only(objects, StatefulSet.class).getSpec().getTemplate()
        .getSpec();
    assertThat(controller.getContainers().get(0).getImage()).isEqualTo("quay.io/argoproj/argocd:v3.6.1");
    assertThat(controller.getContainers().get(0).getArgs()).containsExactly(
        "--repo-server=$(ARGOCD_REPO_SERVER_SERVICE_HOST):$(ARGOCD_REPO_SERVER_SERVICE_PORT)",
        "--redis=$(ARGOCD_REDIS_SERVICE_HOST):$(ARGOCD_REDIS_SERVICE_PORT)");
    assertThat(controller.getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(controller.getTolerations()).extracting("key").contains("node-role.kubernetes.io/control-plane");
    assertThat(objects).filteredOn(o -> o.getKind().equals("ConfigMap")).extracting(o -> o.getMetadata().getName())
        .contains("argocd-cm", "argocd-cmd-params-cm", "argocd-tls-certs-cm");
    assertThat(objects).anySatisfy(o -> assertThat(o.getKind() + "/" + o.getMetadata().getName())
        .isEqualTo("Secret/argocd-secret"));
    // The operator's apply of the CA ConfigMap must own no data key: the user's CAs stay.
    assertThat(objects).filteredOn(o -> o.getMetadata().getName().equals("argocd-tls-certs-cm"))
        .allSatisfy(o -> assertThat(((ConfigMap) o).getData()).isNullOrEmpty());
  }

  @Test
  void imagesSplitAtTheTagNotAtARegistryPort() {
    assertThat(ImageRef.parse("registry:5000/a/b:1.0")).isEqualTo(new ImageRef("registry:5000/a/b", "1.0"));
    assertThat(ImageRef.parse("registry:5000/a/b")).isEqualTo(new ImageRef("registry:5000/a/b", null));
    assertThat(ImageRef.parse("registry:5000/a/b:1.0@sha256:abc")).isEqualTo(new ImageRef("registry:5000/a/b", "1.0@sha256:abc"));
    assertThat(ImageRef.parse("registry:5000/a/b@sha256:abc")).isEqualTo(new ImageRef("registry:5000/a/b@sha256:abc", ""));
  }

  @Test
  void overridesObjectIsOptional() throws Exception {
    DPFOperatorConfig config = seed();
    config.getSpec().setOverrides(new Overrides());
    assertThat(inventory.settings(config.getSpec()).values()).allMatch(ComponentSettings::enabled);
  }
}
