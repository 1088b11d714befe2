package io.dpf.api;

import static io.dpf.api.BadInput.of;
import static io.dpf.api.BadInput.remove;
import static io.dpf.api.BadInput.set;
import static io.dpf.api.BadInput.setTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceStatus;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated CRDs on a real kube-apiserver: they install, every sample (the seed's manifests
 * included) is accepted, and bad input is refused with a message naming the offending field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiValidationIT {
  private static final String NS = "dpf-operator-system";
  private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";

  private LocalControlPlane cluster;
  private KubernetesClient client;

  @BeforeAll
  void startApiServer() {
    cluster = LocalControlPlane.startApiServerOnly("dpf-api");
    client = cluster.client();
    cluster.installCrds(ApiTypes.crds());
    Set<String> namespaces = new TreeSet<>();
    Samples.all().forEach(s -> namespaces.add(Samples.tree(s).path("metadata").path("namespace").asText()));
    namespaces.forEach(ns -> client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns)
        .endMetadata().build()).serverSideApply());
  }

  @AfterAll
  void stopApiServer() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyCrdIsEstablished() {
    for (var kind : ApiTypes.all()) {
      var crd = client.apiextensions().v1().customResourceDefinitions().withName(ApiTypes.crdName(kind)).get();
      assertThat(crd).as(ApiTypes.crdName(kind)).isNotNull();
      assertThat(crd.getStatus().getConditions())
          .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Established=True"));
    }
  }

  static List<Path> samples() {
    return Samples.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everySampleIsAccepted(Path sample) {
    ObjectNode tree = (ObjectNode) Samples.tree(sample);
    // A name of its own, so the dry run never collides with objects other tests really create.
    ((ObjectNode) tree.get("metadata")).put("name", "dry-run-" + tree.path("metadata").path("name").asText());
    GenericKubernetesResource object = generic(tree);

    HasMetadata created = client.resource(object).dryRun().create();

    assertThat(created.getMetadata().getUid()).isNotBlank();
  }

  @Test
  void seedManifestsApplyVerbatimAndKeepEveryField() {
    for (String seed : List.of("dpfoperatorconfig-seed-1.yaml", "dpfoperatorconfig-seed-2.yaml")) {
      client.resource(Samples.text(seed)).inNamespace(NS).fieldManager("seed-demo").forceConflicts().serverSideApply();

      GenericKubernetesResource stored = client.genericKubernetesResources("operator.dpu.nvidia.com/v1alpha1",
          "DPFOperatorConfig").inNamespace(NS).withName("dpfoperatorconfig").get();
      JsonNode expected = Samples.tree(Samples.directory().resolve(seed)).get("spec");
      assertThat(Samples.YAML.valueToTree(stored.getAdditionalProperties().get("spec")).equals(expected))
          .as("stored spec of %s equals the manifest's", seed).isTrue();
    }
  }

  static List<BadInput> badInputs() {
    return List.of(
        of("BFB url not http(s)", "bfb.yaml", set("/spec/url", "ftp://example.com/a.bfb"), "spec.url", "should match"),
        of("BFB url not a .bfb", "bfb.yaml", set("/spec/url", "https://example.com/a.iso"), "spec.url"),
        of("BFB url missing", "bfb.yaml", remove("/spec/url"), "spec.url", "Required"),
        of("BFB fileName with a space", "bfb.yaml", set("/spec/fileName", "my file.bfb"), "spec.fileName"),
        of("MTU above 9216", "dpfoperatorconfig-v25.1.yaml", set("/spec/networking/controlPlaneMTU", 9217),
            "spec.networking.controlPlaneMTU", "9216"),
        of("MTU below 0", "dpfoperatorconfig-v25.1.yaml", set("/spec/networking/highSpeedMTU", -1),
            "spec.networking.highSpeedMTU"),
        of("component image not an image", "dpfoperatorconfig-v25.1.yaml",
            set("/spec/provisioningController/image", "Not An Image"), "spec.provisioningController.image"),
        of("component helmChart without oci/https", "dpfoperatorconfig-v25.1.yaml",
            set("/spec/multus/helmChart", "ghcr.io/nvidia/dpu-networking:v1"), "spec.multus.helmChart"),
        of("flannel helmChart over http", "dpfoperatorconfig-v25.1.yaml",
            set("/spec/flannel/helmChart", "http://example.com/flannel:v1"), "spec.flannel.helmChart"),
        of("flannel podCIDR not a CIDR", "dpfoperatorconfig-v25.1.yaml",
            set("/spec/flannel/podCIDR", "10.244.0.0"), "spec.flannel.podCIDR"),
        of("DPU CNI path not absolute", "dpfoperatorconfig-v25.1.yaml",
            set("/spec/overrides/dpuCNIPath", "etc/cni/net.d"), "spec.overrides.dpuCNIPath"),
        of("empty bfbPVCName", "dpfoperatorconfig-v25.1.yaml", set("/spec/provisioningController/bfbPVCName", ""),
            "spec.provisioningController.bfbPVCName"),
        of("dmsTimeout 0", "dpfoperatorconfig-v25.1.yaml", set("/spec/provisioningController/dmsTimeout", 0),
            "spec.provisioningController.dmsTimeout"),
        of("no BFB PVC in either shape", "dpfoperatorconfig-v25.1.yaml", remove("/spec/provisioningController"),
            "spec.provisioningController", "bfbPVCName"),
        of("seed host without hostClusterNodeName", "dpfoperatorconfig-seed-1.yaml",
            remove("/spec/hostNetworkConfiguration/hosts/0/hostClusterNodeName"),
            "spec.hostNetworkConfiguration.hosts[0].hostClusterNodeName", "Required"),
        of("paused not a boolean", "dpfoperatorconfig-v25.1.yaml", set("/spec/overrides/paused", "yes"),
            "spec.overrides.paused"),
        of("DPUService repoURL over http", "dpuservice.yaml", set("/spec/helmChart/source/repoURL", "http://x"),
            "spec.helmChart.source.repoURL"),
        of("DPUService empty chart version", "dpuservice.yaml", set("/spec/helmChart/source/version", ""),
            "spec.helmChart.source.version"),
        of("DPUService without helmChart", "dpuservice.yaml", remove("/spec/helmChart"), "spec.helmChart", "Required"),
        of("DPUService interfaces without serviceID", "dpuservice.yaml", remove("/spec/serviceID"), "spec.serviceID",
            "serviceID must be set when interfaces are set"),
        of("DPUService empty interfaces", "dpuservice.yaml", setTree("/spec/interfaces", "[]"), "spec.interfaces"),
        of("IPAM with both modes", "dpuserviceipam-network.yaml",
            setTree("/spec/ipv4Subnet", "{subnet: 11.0.0.0/24, gateway: 11.0.0.1, perNodeIPCount: 8}"),
            "spec.ipv4Network", "exactly one of ipv4Network or ipv4Subnet"),
        of("IPAM with no mode", "dpuserviceipam-network.yaml", remove("/spec/ipv4Network"), "spec.ipv4Network",
            "exactly one of ipv4Network or ipv4Subnet"),
        of("IPAM prefixSize 33", "dpuserviceipam-network.yaml", set("/spec/ipv4Network/prefixSize", 33),
            "spec.ipv4Network.prefixSize"),
        of("IPAM gateway not an address", "dpuserviceipam-subnet.yaml", set("/spec/ipv4Subnet/gateway", "gw"),
            "spec.ipv4Subnet.gateway"),
        of("IPAM network missing", "dpuserviceipam-network.yaml", remove("/spec/ipv4Network/network"),
            "spec.ipv4Network.network", "Required"),
        of("ServiceInterface unknown type", "serviceinterface-ovn.yaml", set("/spec/interfaceType", "ethernet"),
            "spec.interfaceType", "Unsupported value"),
        of("ServiceInterface vlan without vlan", "serviceinterface-vlan.yaml", remove("/spec/vlan"), "spec.vlan",
            "vlan must be set if and only if interfaceType is vlan"),
        of("ServiceInterface ovn with physical", "serviceinterface-ovn.yaml",
            setTree("/spec/physical", "{interfaceName: p0}"), "spec.physical"),
        of("ServiceInterface vlanID 5000", "serviceinterface-vlan.yaml", set("/spec/vlan/vlanID", 5000),
            "spec.vlan.vlanID"),
        of("ServiceInterface bad network name", "dpuserviceinterface-service.yaml",
            set("/spec/template/spec/template/spec/service/network", "Bad/Name/x"),
            "spec.template.spec.template.spec.service.network"),
        of("DPUServiceInterface physical with a service", "dpuserviceinterface-physical.yaml",
            setTree("/spec/template/spec/template/spec/service", "{serviceID: a, network: b, interfaceName: c}"),
            "spec.template.spec.template.spec.service"),
        of("DPUServiceChain without switches", "dpuservicechain.yaml",
            setTree("/spec/template/spec/template/spec/switches", "[]"), "spec.template.spec.template.spec.switches"),
        of("DPUServiceChain port without matchLabels", "dpuservicechain.yaml",
            remove("/spec/template/spec/template/spec/switches/0/ports/0/serviceInterface/matchLabels"),
            "spec.template.spec.template.spec.switches[0].ports[0].serviceInterface.matchLabels"),
        of("DPUDeployment port with service and serviceInterface", "dpudeployment.yaml",
            setTree("/spec/serviceChains/0/ports/1/serviceInterface", "{matchLabels: {a: b}}"),
            "spec.serviceChains[0].ports[1].service", "exactly one of service or serviceInterface"),
        of("DPUDeployment empty nameSuffix", "dpudeployment.yaml", set("/spec/dpus/dpuSets/0/nameSuffix", ""),
            "spec.dpus.dpuSets[0].nameSuffix"),
        of("credential type unknown", "dpuservicecredentialrequest.yaml", set("/spec/type", "token"), "spec.type",
            "Unsupported value"),
        of("credential duration not a duration", "dpuservicecredentialrequest.yaml",
            set("/spec/duration", "ten minutes"), "spec.duration"),
        of("credential without secret", "dpuservicecredentialrequest.yaml", remove("/spec/secret"), "spec.secret",
            "Required"),
        of("DPUSet strategy unknown", "dpuset.yaml", set("/spec/strategy/type", "Rolling"), "spec.strategy.type",
            "Unsupported value"),
        of("DPUSet maxUnavailable 0", "dpuset.yaml", set("/spec/strategy/rollingUpdate/maxUnavailable", 0),
            "spec.strategy.rollingUpdate.maxUnavailable", "maxUnavailable must be greater than 0"),
        of("DPUSet maxUnavailable -1", "dpuset.yaml", set("/spec/strategy/rollingUpdate/maxUnavailable", -1),
            "spec.strategy.rollingUpdate.maxUnavailable", "greater than 0"),
        of("DPUSet maxUnavailable 0%", "dpuset.yaml", set("/spec/strategy/rollingUpdate/maxUnavailable", "0%"),
            "spec.strategy.rollingUpdate.maxUnavailable", "percentage in (0%, 100%]"),
        of("DPUSet maxUnavailable 150%", "dpuset.yaml", set("/spec/strategy/rollingUpdate/maxUnavailable", "150%"),
            "spec.strategy.rollingUpdate.maxUnavailable", "percentage in (0%, 100%]"),
        of("DPUSet maxUnavailable a word", "dpuset.yaml", set("/spec/strategy/rollingUpdate/maxUnavailable", "all"),
            "spec.strategy.rollingUpdate.maxUnavailable"),
        of("DPUSet power-cycle annotation not a boolean", "dpuset.yaml",
            setTree("/spec/dpuTemplate/annotations", "{provisioning.dpu.nvidia.com/host-power-cycle-required: 'yes'}"),
            "spec.dpuTemplate.annotations", "host-power-cycle-required must be a boolean"),
        of("DPUSet nodeEffect taint and noEffect", "dpuset.yaml",
            set("/spec/dpuTemplate/spec/nodeEffect/noEffect", true), "spec.dpuTemplate.spec.nodeEffect",
            "at most one of taint, noEffect, customLabel, drain"),
        of("DPUSet install interface unknown", "dpuset.yaml", set("/spec/dpuTemplate/spec/installInterface", "pxe"),
            "spec.dpuTemplate.spec.installInterface"),
        of("DPU nodeEffect drain and customLabel", "dpu.yaml", setTree("/spec/nodeEffect/customLabel", "{a: b}"),
            "spec.nodeEffect", "at most one of"),
        of("DPU without nodeName", "dpu.yaml", remove("/spec/nodeName"), "spec.nodeName", "Required"),
        of("DPU pciAddress in lspci form", "dpu.yaml", set("/spec/pciAddress", "4b:00.0"), "spec.pciAddress"),
        of("DPU redfish without BMC address", "dpu.yaml", remove("/spec/bmcIp"), "spec.bmcIp",
            "bmcIp and bmcCredentialsSecret are required when installInterface is redfish"),
        of("DPU bmcPort 70000", "dpu.yaml", set("/spec/bmcPort", 70000), "spec.bmcPort"),
        of("DPUCluster maxNodes 0", "dpucluster-static.yaml", set("/spec/maxNodes", 0), "spec.maxNodes"),
        of("DPUCluster maxNodes 1001", "dpucluster-static.yaml", set("/spec/maxNodes", 1001), "spec.maxNodes", "1000"),
        of("DPUCluster type without prefix", "dpucluster-static.yaml", set("/spec/type", "mine"), "spec.type"),
        of("DPUCluster virtualRouterID 256", "dpucluster-kamaji.yaml",
            set("/spec/clusterEndpoint/keepalived/virtualRouterID", 256),
            "spec.clusterEndpoint.keepalived.virtualRouterID"),
        of("DPUCluster without version", "dpucluster-static.yaml", remove("/spec/version"), "spec.version",
            "Required"),
        of("DPUFlavor config file operation unknown", "dpuflavor.yaml",
            set("/spec/configFiles/0/operation", "replace"), "spec.configFiles[0].operation"),
        of("DPUFlavor two nvconfig entries", "dpuflavor.yaml",
            setTree("/spec/nvconfig", "[{device: '*'}, {device: '*'}]"), "spec.nvconfig"),
        of("DPUFlavor nvconfig for one device", "dpuflavor.yaml", set("/spec/nvconfig/0/device", "mt41686"),
            "spec.nvconfig[0].device"),
        of("DPUServiceTemplate without helmChart", "dpuservicetemplate.yaml", remove("/spec/helmChart"),
            "spec.helmChart", "Required"),
        of("DPUServiceConfiguration interface without network", "dpuserviceconfiguration.yaml",
            remove("/spec/interfaces/0/network"), "spec.interfaces[0].network", "Required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputIsRefusedNamingTheField(BadInput bad) {
    ObjectNode tree = (ObjectNode) Samples.tree(Samples.directory().resolve(bad.sample()));
    bad.mutation().accept(tree);

    assertRefused(() -> client.resource(generic(tree)).dryRun().create(), bad.expected());
  }

  static List<BadInput> immutableChanges() {
    return List.of(
        of("BFB url", "bfb.yaml", set("/spec/url", "https://example.com/other.bfb"), "spec.url", "url is immutable"),
        of("BFB fileName", "bfb.yaml", set("/spec/fileName", "other.bfb"), "spec.fileName", "immutable"),
        of("BFB fileName removed", "bfb.yaml", remove("/spec/fileName"), "spec.fileName", "immutable"),
        of("DPUFlavor spec", "dpuflavor.yaml", setTree("/spec/sysctl/parameters", "[a=b]"), "spec",
            "DPUFlavor spec is immutable"),
        of("DPU nodeName", "dpu.yaml", set("/spec/nodeName", "ocp-worker-9"), "spec.nodeName", "nodeName is immutable"),
        of("DPU pciAddress", "dpu.yaml", set("/spec/pciAddress", "0000-4c-00"), "spec.pciAddress", "immutable"),
        of("DPU pciAddress removed", "dpu.yaml", remove("/spec/pciAddress"), "spec.pciAddress", "immutable"),
        of("DPU cluster name", "dpu.yaml", set("/spec/cluster/name", "other"), "spec.cluster.name", "immutable"),
        of("DPUCluster kubeconfig", "dpucluster-kamaji.yaml", set("/spec/kubeconfig", "other"), "spec.kubeconfig",
            "kubeconfig is immutable once set"),
        of("DPUCluster kubeconfig removed", "dpucluster-kamaji.yaml", remove("/spec/kubeconfig"), "spec.kubeconfig",
            "immutable"),
        of("DPUServiceIPAM mode switch", "dpuserviceipam-subnet.yaml",
            BadInput.<ObjectNode>chain(remove("/spec/ipv4Subnet"),
                setTree("/spec/ipv4Network", "{network: 10.0.0.0/16, prefixSize: 24}")),
            "spec.ipv4Network", "switching between ipv4Network and ipv4Subnet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("immutableChanges")
  void immutableFieldsCannotChange(BadInput change) {
    ObjectNode tree = (ObjectNode) Samples.tree(Samples.directory().resolve(change.sample()));
    ((ObjectNode) tree.get("metadata")).put("name", "imm-" + Integer.toHexString(change.name().hashCode()));
    GenericKubernetesResource created = client.resource(generic(tree)).create();
    ObjectNode changed = Samples.YAML.valueToTree(created);
    change.mutation().accept(changed);

    assertRefused(() -> client.resource(generic(changed)).update(), change.expected());
  }

  @ParameterizedTest(name = "maxUnavailable {0}")
  @ValueSource(strings = {"1", "3", "1%", "100%"})
  void aPositiveMaxUnavailableIsAccepted(String value) {
    ObjectNode set = (ObjectNode) Samples.tree(Samples.directory().resolve("dpuset.yaml"));
    set("/spec/strategy/rollingUpdate/maxUnavailable", value.endsWith("%") ? value : Integer.valueOf(value))
        .accept(set);
    client.resource(generic(set)).dryRun().create();
  }

  @Test
  @SuppressWarnings("unchecked")
  void mutableThingsStillChange() {
    ObjectNode flavor = (ObjectNode) Samples.tree(Samples.directory().resolve("dpuflavor.yaml"));
    ((ObjectNode) flavor.get("metadata")).put("name", "labels-change");
    GenericKubernetesResource created = client.resource(generic(flavor)).create();
    created.getMetadata().setLabels(Map.of("team", "networking"));
    assertThat(client.resource(created).update().getMetadata().getLabels()).containsEntry("team", "networking");

    ObjectNode cluster = (ObjectNode) Samples.tree(Samples.directory().resolve("dpucluster-static.yaml"));
    ((ObjectNode) cluster.get("metadata")).put("name", "kubeconfig-later");
    GenericKubernetesResource dpuCluster = client.resource(generic(cluster)).create();
    ((Map<String, Object>) dpuCluster.getAdditionalProperties().get("spec")).put("kubeconfig", "admin");
    GenericKubernetesResource updated = client.resource(dpuCluster).update();
    assertThat(updated.getAdditionalProperties().get("spec").toString()).contains("kubeconfig=admin", "maxNodes=1000");
  }

  @Test
  void printerColumnsShowReadyPhaseAndAge() throws Exception {
    DPUService service = Samples.YAML.treeToValue(Samples.tree(Samples.directory().resolve("dpuservice.yaml")),
        DPUService.class);
    service.getMetadata().setName("table-service");
    service = client.resource(service).create();
    DPUServiceStatus serviceStatus = new DPUServiceStatus();
    serviceStatus.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("False")
        .withReason("AwaitingDeletion").withMessage("").withLastTransitionTime("2025-02-24T10:00:00Z").build()));
    service.setStatus(serviceStatus);
    client.resource(service).updateStatus();

    DPU dpu = Samples.YAML.treeToValue(Samples.tree(Samples.directory().resolve("dpu-rshim.yaml")), DPU.class);
    dpu.getMetadata().setName("table-dpu");
    dpu = client.resource(dpu).create();
    DPUStatus dpuStatus = new DPUStatus();
    dpuStatus.setPhase(DPUPhase.OS_INSTALLING);
    dpu.setStatus(dpuStatus);
    client.resource(dpu).updateStatus();

    JsonNode services = table("/apis/svc.dpu.nvidia.com/v1alpha1/namespaces/" + NS + "/dpuservices");
    assertThat(columnNames(services)).contains("Name", "Ready", "Phase", "Age");
    assertThat(cells(services, service.getMetadata().getName())).contains("False", "AwaitingDeletion");

    JsonNode dpus = table("/apis/provisioning.dpu.nvidia.com/v1alpha1/namespaces/" + NS + "/dpus");
    assertThat(columnNames(dpus)).contains("Name", "Ready", "Phase", "Age");
    assertThat(cells(dpus, dpu.getMetadata().getName())).contains("OS Installing");
  }

  private JsonNode table(String path) throws Exception {
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
        .uri(client.getMasterUrl().toString().replaceAll("/$", "") + path).header("Accept", TABLE).build();
    HttpResponse<String> response = client.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
    assertThat(response.code()).as(response.body()).isEqualTo(200);
    JsonNode table = Samples.YAML.readTree(response.body());
    assertThat(table.path("kind").asText()).isEqualTo("Table");
    return table;
  }

  private static List<String> columnNames(JsonNode table) {
    return StreamSupport.stream(table.path("columnDefinitions").spliterator(), false).map(c -> c.path("name").asText())
        .toList();
  }

  private static List<String> cells(JsonNode table, String name) {
    for (JsonNode row : table.path("rows")) {
      if (row.path("cells").path(0).asText().equals(name)) {
        return StreamSupport.stream(row.path("cells").spliterator(), false).map(JsonNode::asText).toList();
      }
    }
    throw new AssertionError("no row " + name + " in " + table);
  }

  private static void assertRefused(Runnable write, List<String> expected) {
    assertThatThrownBy(write::run)
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).as(e.getMessage()).isEqualTo(422);
          assertThat(e.getMessage()).contains(expected);
        });
  }

  private static GenericKubernetesResource generic(JsonNode tree) {
    return Samples.YAML.convertValue(tree, GenericKubernetesResource.class);
  }
}
