package io.dpf.dpuservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStatus;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A DPUDeployment's children on a real host API server (no DPU cluster needed for what is checked).
 * One manager for the class; each test has a namespace of its own, holding a DPUDeployment named
 * {@code dep} and its inputs, and first brings it to the state it starts from
 * ({@link #readyDeployment}), so any test runs alone or in any order.
 */
class DPUDeploymentIT {

  static final Duration WAIT = Duration.ofSeconds(90);

  static LocalControlPlane host;
  static KubernetesClient client;
  static Manager manager;

  @BeforeAll
  static void start() {
    host = LocalControlPlane.startApiServerOnly("deployment-host");
    client = host.client();
    DpuServiceFixture.prepareHost(host);
    DpuServiceFixture.installChartRbac(host);
    manager = DpuServiceFixture.startManager(host, new WriteCounter());
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.close();
    }
    if (host != null) {
      host.close();
    }
  }

  @Test
  void deploymentWaitsForItsPrerequisitesThenCreatesOwnedServicesInterfacesChainAndDpuSets() {
    String ns = namespace("prereqs");
    createDeployment(ns);
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ns, ConditionTypes.DPUDeployment.PREREQUISITES_READY))
        .hasValueSatisfying(c -> assertThat(c.getMessage()).contains("BFB bf-bundle").contains("DPUServiceTemplate firewall")));

    createInputs(ns);
    await().atMost(WAIT).untilAsserted(() -> assertChildren(ns));
    assertThat(consumers(ns)).as("the BFB, flavor, template and configuration are marked as used").hasSize(4);

    // No provisioning manager runs here: its DPUSet controller has counted no DPUs yet.
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ns, ConditionTypes.DPUDeployment.DPU_SETS_READY))
        .hasValueSatisfying(c -> assertThat(c.getMessage()).contains("dep-rack1")));
    reportTwoReadyDpus(ns);
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ns, ConditionTypes.DPUDeployment.DPU_SETS_READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True")));
  }

  @Test
  void aChangedServiceConfigurationChangesOnlyThatServicesVersionOnTheDpuSets() {
    String ns = readyDeployment("version");
    Map<String, String> before = nodeLabels(ns);
    client.resources(DPUServiceConfiguration.class).inNamespace(ns).withName("firewall")
        .patch(PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"serviceConfiguration\":{\"helmChart\":{\"values\":{\"mode\":\"audit\"}}}}}");

    await().atMost(WAIT).untilAsserted(() -> {
      Map<String, String> after = nodeLabels(ns);
      assertThat(after.get(LabelKeys.dpuServiceVersion("firewall")))
          .isNotEqualTo(before.get(LabelKeys.dpuServiceVersion("firewall")));
      assertThat(after.get(LabelKeys.DPU_SERVICE_CHAIN_VERSION)).isEqualTo(before.get(LabelKeys.DPU_SERVICE_CHAIN_VERSION));
    });
  }

  @Test
  void servicesThatDoNotFitTheFlavorAreAFailureTheUserMustResolve() {
    String ns = readyDeployment("fitting");
    create("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceTemplate
        metadata: {name: hungry, namespace: %1$s}
        spec:
          deploymentServiceName: hungry
          helmChart: {source: {repoURL: "https://helm.example.com", chart: hungry, version: "1.0.0"}}
          resourceRequirements: {cpu: "20"}
        ---
        """.formatted(ns));
    client.resources(DPUDeployment.class).inNamespace(ns).withName("dep").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"spec\":{\"services\":{\"hungry\":{\"serviceTemplate\":\"hungry\",\"serviceConfiguration\":\"firewall\"}}}}");

    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ns, ConditionTypes.DPUDeployment.RESOURCE_FITTING_READY))
        .hasValueSatisfying(c -> {
          assertThat(c.getReason()).isEqualTo("Failure");
          assertThat(c.getMessage()).contains("cpu: services need 22, the flavor has 12");
        }));
    assertThat(client.resources(DPUService.class).inNamespace(ns).withName("dep-hungry").get()).isNull();
  }

  @Test
  void deletingTheDeploymentDeletesEveryChildBeforeItGoes() {
    String ns = readyDeployment("deleted");
    client.resources(DPUDeployment.class).inNamespace(ns).withName("dep").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(client.resources(DPUDeployment.class).inNamespace(ns).withName("dep").get()).isNull();
      for (Class<? extends HasMetadata> kind : List.of(DPUService.class, DPUServiceInterface.class,
          DPUServiceChain.class, DPUSet.class)) {
        assertThat(client.resources(kind).inNamespace(ns).withLabel(LabelKeys.OWNED_BY_DPU_DEPLOYMENT, owner(ns))
            .list().getItems()).as(kind.getSimpleName()).isEmpty();
      }
    });
    assertThat(consumers(ns)).as("dependencies released").isEmpty();
  }

  /** A namespace of the test's own: {@code dep-<name>}. */
  static String namespace(String name) {
    String ns = "dep-" + name;
    DpuServiceFixture.namespace(client, ns);
    return ns;
  }

  /**
   * Namespace {@code dep-<name>} with the inputs and DPUDeployment {@code dep}, its children made,
   * its inputs marked as used and its DPUSet reporting two Ready DPUs; returns the namespace.
   */
  static String readyDeployment(String name) {
    String ns = namespace(name);
    createInputs(ns);
    createDeployment(ns);
    await().atMost(WAIT).untilAsserted(() -> assertChildren(ns));
    await().atMost(WAIT).untilAsserted(() -> assertThat(consumers(ns)).hasSize(4));
    reportTwoReadyDpus(ns);
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ns, ConditionTypes.DPUDeployment.DPU_SETS_READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True")));
    return ns;
  }

  /** DPUDeployment {@code dep}: one DPUSet, the firewall service and a chain through it. */
  static void createDeployment(String ns) {
    create("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUDeployment
        metadata: {name: dep, namespace: %1$s}
        spec:
          dpus:
            bfb: bf-bundle
            flavor: flavor
            dpuSets:
            - nameSuffix: rack1
              nodeSelector: {matchLabels: {rack: "1"}}
          services:
            firewall: {serviceTemplate: firewall, serviceConfiguration: firewall}
          serviceChains:
          - ports:
            - serviceInterface: {matchLabels: {uplink: p0}}
            - service: {name: firewall, interface: net1}
        """.formatted(ns));
  }

  /** What {@link #createDeployment} names: the BFB, flavor, the firewall's template and configuration. */
  static void createInputs(String ns) {
    create("""
        apiVersion: provisioning.dpu.nvidia.com/v1alpha1
        kind: BFB
        metadata: {name: bf-bundle, namespace: %1$s}
        spec: {url: "http://example.com/bf.bfb"}
        ---
        """.formatted(ns));
    create("""
        apiVersion: provisioning.dpu.nvidia.com/v1alpha1
        kind: DPUFlavor
        metadata: {name: flavor, namespace: %1$s}
        spec:
          dpuResources: {cpu: "16", memory: 32Gi}
          systemReservedResources: {cpu: "4", memory: 8Gi}
        """.formatted(ns));
    create("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceTemplate
        metadata: {name: firewall, namespace: %1$s}
        spec:
          deploymentServiceName: firewall
          helmChart:
            source: {repoURL: "https://helm.example.com", chart: firewall, version: "1.0.0"}
            values: {image: {tag: v1}, mode: strict}
          resourceRequirements: {cpu: "2", memory: 4Gi}
        """.formatted(ns));
    create("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceConfiguration
        metadata: {name: firewall, namespace: %1$s}
        spec:
          deploymentServiceName: firewall
          serviceConfiguration:
            helmChart: {values: {mode: permissive}}
          interfaces:
          - {name: net1, network: mybrsfc}
        """.formatted(ns));
  }

  /** The owned DPUService, DPUServiceInterface, DPUServiceChain and DPUSet of {@code dep}, as its inputs say. */
  static void assertChildren(String ns) {
    DPUService service = client.resources(DPUService.class).inNamespace(ns).withName("dep-firewall").get();
    assertThat(service).isNotNull();
    assertThat(service.getMetadata().getLabels()).containsEntry(LabelKeys.OWNED_BY_DPU_DEPLOYMENT, owner(ns));
    assertThat(service.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.getKind()).isEqualTo("DPUDeployment"));
    assertThat(service.getSpec().getServiceID()).isEqualTo("dpudeployment_dep_firewall");
    assertThat(service.getSpec().getInterfaces()).containsExactly("dep-firewall-net1");
    assertThat(service.getSpec().getHelmChart().getValues().at("/mode").asText()).isEqualTo("permissive");
    assertThat(service.getSpec().getHelmChart().getValues().at("/image/tag").asText()).isEqualTo("v1");
    assertThat(client.resources(DPUServiceInterface.class).inNamespace(ns).withName("dep-firewall-net1").get()).isNotNull();
    DPUServiceChain chain = client.resources(DPUServiceChain.class).inNamespace(ns).withName("dep").get();
    assertThat(chain).as("DPUServiceChain dep").isNotNull();
    assertThat(chain.getSpec().getTemplate().getSpec().getTemplate().getSpec().getSwitches().get(0).getPorts().get(1)
        .getServiceInterface().getMatchLabels()).containsEntry(LabelKeys.INTERFACE, "net1")
        .containsEntry(LabelKeys.SERVICE_ID, "dpudeployment_dep_firewall");
    DPUSet set = client.resources(DPUSet.class).inNamespace(ns).withName("dep-rack1").get();
    assertThat(set).as("DPUSet dep-rack1").isNotNull();
    assertThat(set.getSpec().getDpuTemplate().getSpec().getBfb().getName()).isEqualTo("bf-bundle");
    assertThat(set.getSpec().getDpuTemplate().getSpec().getCluster().getNodeLabels())
        .containsKeys(LabelKeys.dpuServiceVersion("firewall"), LabelKeys.DPU_SERVICE_CHAIN_VERSION);
    String version = set.getSpec().getDpuTemplate().getSpec().getCluster().getNodeLabels()
        .get(LabelKeys.dpuServiceVersion("firewall"));
    assertThat(service.getSpec().getServiceDaemonSet().getNodeSelector().getNodeSelectorTerms().get(0)
        .getMatchExpressions().get(0).getValues()).containsExactly(version);
  }

  /** As the DPUSet controller of the provisioning manager (not running here) reports two provisioned DPUs. */
  static void reportTwoReadyDpus(String ns) {
    DPUSet set = client.resources(DPUSet.class).inNamespace(ns).withName("dep-rack1").get();
    set.setStatus(new DPUSetStatus());
    set.getStatus().setDpuStatistics(Map.of("Ready", 2));
    client.resource(set).updateStatus();
  }

  /** Objects in {@code ns} marked svc.dpu.nvidia.com/consumed-by-dpudeployment-<digest of the deployment>. */
  static List<String> consumers(String ns) {
    List<String> found = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : List.of(BFB.class, DPUFlavor.class, DPUServiceTemplate.class,
        DPUServiceConfiguration.class)) {
      client.resources(kind).inNamespace(ns).list().getItems().stream()
          .filter(o -> o.getMetadata().getLabels() != null && o.getMetadata().getLabels().keySet().stream()
              .anyMatch(k -> k.startsWith(LabelKeys.CONSUMED_BY_DPU_DEPLOYMENT_PREFIX)))
          .forEach(o -> found.add(o.getKind() + " " + o.getMetadata().getName()));
    }
    return found;
  }

  /** The value of the owned-by label on the children of DPUDeployment {@code dep} in {@code ns}. */
  static String owner(String ns) {
    return ns + "_dep";
  }

  static void create(String yaml) {
    client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
        .items().forEach(object -> client.resource(object).create());
  }

  static Map<String, String> nodeLabels(String ns) {
    return client.resources(DPUSet.class).inNamespace(ns).withName("dep-rack1").get()
        .getSpec().getDpuTemplate().getSpec().getCluster().getNodeLabels();
  }

  static Optional<Condition> condition(String ns, String type) {
    DPUDeployment deployment = client.resources(DPUDeployment.class).inNamespace(ns).withName("dep").get();
    if (deployment == null || deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return deployment.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
