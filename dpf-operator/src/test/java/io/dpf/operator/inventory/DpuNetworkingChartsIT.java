package io.dpf.operator.inventory;

import static io.dpf.operator.inventory.RenderedChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.thirdparty.nvipam.v1alpha1.IPPool;
import io.dpf.api.thirdparty.nvipam.v1alpha1.IPPoolSpec;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five upstream DPU-side components as the operator deploys them with the seed's
 * DPFOperatorConfig, applied to a real DPU cluster's API server (with two simulated DPU nodes) the
 * way Argo CD applies them: server-side, with strict field validation. Every object is accepted
 * and stored as sent, the service accounts can make the calls their components make, and the
 * workloads are scheduled onto and ready on every DPU node.
 *
 * <p>Scope: the nodes are KWOK's, which report pods Running without running their containers. The
 * containers themselves (multus, flannel, the SR-IOV device plugin, NVIPAM, ovs-cni) cannot run on
 * this machine: their images are on ghcr.io, which it cannot reach, and they need a DPU's devices.
 *
 * <p>The cluster is shared; a test that needs the charts on it applies them first ({@link
 * #applyCharts}, idempotent as Argo CD's applies are), so any test runs alone or in any order.
 */
class DpuNetworkingChartsIT {

  static final List<String> COMPONENTS = List.of("multus", "sriov-device-plugin", "flannel", "nvidia-k8s-ipam", "ovs-cni");
  static final List<String> DPU_NODES = List.of("dpu-worker-1", "dpu-worker-2");
  static final String FIELD_MANAGER = "argocd-controller";
  static final Duration WAIT = Duration.ofSeconds(90);
  static final String SCOPE = "[scope] objects accepted, stored as sent, RBAC and scheduling on simulated (KWOK) DPU"
      + " nodes; the upstream containers are not run: their images are on ghcr.io, out of this machine's reach";

  static LocalControlPlane dpu;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    System.out.println(SCOPE);
    dpu = LocalControlPlane.start("dpu-networking-it");
    client = dpu.client();
    DPU_NODES.forEach(n -> dpu.addNode(n, Map.of("node-role.kubernetes.io/worker", "")));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  @AfterAll
  static void stop() {
    if (dpu != null) {
      dpu.close();
    }
  }

  @Test
  void everyRenderedObjectIsAcceptedWithStrictFieldValidationAndStoredAsSent() throws Exception {
    List<GenericKubernetesResource> applied = applyCharts();

    assertThat(applied).extracting(GenericKubernetesResource::getKind)
        .contains("CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding",
            "ServiceAccount", "ConfigMap", "DaemonSet", "Deployment", "NetworkAttachmentDefinition");
    for (GenericKubernetesResource sent : applied) {
      JsonNode live = json(client.resource(sent).get());
      assertThat(JsonSubset.missing(json(sent), live))
          .as(sent.getKind() + " " + sent.getMetadata().getName() + ": fields sent but not stored").isEmpty();
    }
  }

  @Test
  void strictValidationRefusesAnUnknownFieldRatherThanDroppingIt() throws InvalidConfigException {
    GenericKubernetesResource daemonSet = rendered().stream().filter(o -> o.getKind().equals("DaemonSet")).findFirst()
        .orElseThrow();
    GenericKubernetesResource typo = client.getKubernetesSerialization().clone(daemonSet);
    typo.getMetadata().setName("typo");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) typo.getAdditionalProperties().get("spec");
    spec.put("minReadySecond", 5);
    assertThatThrownBy(() -> applyStrict(typo)).isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("minReadySecond");
    assertThat(JsonSubset.missing(json(typo), json(daemonSet))).as("the comparison would have caught it")
        .anySatisfy(path -> assertThat(path).contains("minReadySecond"));
  }

  @Test
  void theChartsPoolKindsAcceptThePoolsDpfWritesAndRefuseIncompleteOnes() throws InvalidConfigException {
    applyCharts();
    IPPool pool = new IPPool();
    pool.setMetadata(new ObjectMetaBuilder().withName("sfc-pool").withNamespace(NAMESPACE).build());
    IPPoolSpec spec = new IPPoolSpec();
    spec.setSubnet("10.50.0.0/16");
    spec.setPerNodeBlockSize(128);
    spec.setGateway("10.50.0.1");
    pool.setSpec(spec);
    assertThat(client.resource(pool).fieldValidation(Validation.STRICT).create().getSpec().getPerNodeBlockSize())
        .isEqualTo(128);

    IPPool incomplete = client.getKubernetesSerialization().clone(pool);
    incomplete.getMetadata().setName("no-block-size");
    incomplete.getSpec().setPerNodeBlockSize(null);
    assertThatThrownBy(() -> client.resource(incomplete).create()).hasMessageContaining("perNodeBlockSize");
  }

  @Test
  void everyServiceAccountCanMakeItsComponentsCallsAndNoOthers() throws InvalidConfigException {
    applyCharts();
    for (String component : COMPONENTS) {
      for (UpstreamPermissions.Call call : UpstreamPermissions.CALLS.get(component)) {
        assertThat(allowed(call.serviceAccount(), call.group(), call.resource(), call.verb(),
            call.namespaced() ? NAMESPACE : "")).as(call.toString()).isTrue();
      }
    }
    assertThat(allowed("multus", "", "secrets", "get", NAMESPACE)).as("multus reads no secrets").isFalse();
    assertThat(allowed("sriov-device-plugin", "", "nodes", "get", "")).as("the device plugin needs no API").isFalse();
  }

  @Test
  void theWorkloadsAreReadyOnEveryDpuNode() throws InvalidConfigException {
    applyCharts();
    await().atMost(WAIT).untilAsserted(() -> {
      for (DaemonSet daemonSet : client.apps().daemonSets().inNamespace(NAMESPACE).list().getItems()) {
        assertThat(daemonSet.getStatus().getDesiredNumberScheduled()).as(daemonSet.getMetadata().getName())
            .isEqualTo(DPU_NODES.size());
        assertThat(daemonSet.getStatus().getNumberReady()).as(daemonSet.getMetadata().getName() + " ready")
            .isEqualTo(DPU_NODES.size());
      }
      Deployment controller = client.apps().deployments().inNamespace(NAMESPACE).withName("nvidia-k8s-ipam-controller")
          .get();
      assertThat(Objects.requireNonNullElse(controller.getStatus().getReadyReplicas(), 0))
          .as("the NVIPAM controller, on a DPU worker: a Kamaji DPU cluster has no control-plane nodes").isEqualTo(1);
    });
    assertThat(client.apps().daemonSets().inNamespace(NAMESPACE).list().getItems())
        .extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder(COMPONENTS.toArray(String[]::new));
  }

  /** The five components' objects as the operator renders them with the seed's config, CRDs first. */
  private static List<GenericKubernetesResource> rendered() throws InvalidConfigException {
    List<GenericKubernetesResource> crds = new ArrayList<>();
    List<GenericKubernetesResource> rest = new ArrayList<>();
    for (String component : COMPONENTS) {
      for (GenericKubernetesResource object : RenderedChart.of(InventoryRenderingTest.seed(), component).generic()) {
        (object.getKind().equals("CustomResourceDefinition") ? crds : rest).add(object);
      }
    }
    List<GenericKubernetesResource> all = new ArrayList<>(crds);
    all.addAll(rest);
    return all;
  }

  /**
   * Applies every rendered object as Argo CD does, CRDs first and established before the objects of
   * their kinds; applying again changes nothing. Returns what was applied.
   */
  private static List<GenericKubernetesResource> applyCharts() throws InvalidConfigException {
    List<GenericKubernetesResource> all = rendered();
    List<GenericKubernetesResource> crds = all.stream().filter(o -> o.getKind().equals("CustomResourceDefinition"))
        .toList();
    crds.forEach(DpuNetworkingChartsIT::applyStrict);
    for (GenericKubernetesResource crd : crds) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(DpuNetworkingChartsIT::established, 60, TimeUnit.SECONDS);
    }
    all.stream().filter(o -> !o.getKind().equals("CustomResourceDefinition")).forEach(DpuNetworkingChartsIT::applyStrict);
    return all;
  }

  private static void applyStrict(GenericKubernetesResource object) {
    client.resource(object).fieldValidation(Validation.STRICT).fieldManager(FIELD_MANAGER).forceConflicts()
        .serverSideApply();
  }

  private static boolean allowed(String serviceAccount, String group, String resource, String verb, String namespace) {
    String[] parts = resource.split("/", 2);
    SubjectAccessReview review = new SubjectAccessReviewBuilder().withNewSpec()
        .withUser("system:serviceaccount:" + NAMESPACE + ":" + serviceAccount)
        .withGroups("system:serviceaccounts", "system:serviceaccounts:" + NAMESPACE, "system:authenticated")
        .withNewResourceAttributes().withGroup(group).withResource(parts[0])
            .withSubresource(parts.length > 1 ? parts[1] : null).withVerb(verb).withNamespace(namespace)
        .endResourceAttributes()
        .endSpec().build();
    return client.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static JsonNode json(Object object) {
    return client.getKubernetesSerialization().convertValue(object, JsonNode.class);
  }
}
