package io.dpf.operator;

import static io.dpf.operator.OperatorTestSupport.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.Finalizers;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceStatus;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness that tells the truth, and bad input that cannot take the platform down, on a real API
 * server with the operator chart installed (its RBAC and admission policy). Every test starts from
 * a Ready platform and leaves the input it broke fixed; none depends on another.
 */
class OperatorReadinessIT {

  static final Duration WAIT = Duration.ofSeconds(120);
  static final String POLICY = "dpf-operator-single-dpfoperatorconfig";
  static final String DPUSERVICE_MANAGER = "dpuservice-controller-manager";

  static LocalControlPlane host;
  static KubernetesClient client;
  static Manager operator;

  @BeforeAll
  static void start() {
    host = LocalControlPlane.start("readiness-it");
    client = host.client();
    OperatorTestSupport.prepareHost(host);
    operator = OperatorTestSupport.startOperator(host, new WriteCounter());
    client.resource(OperatorTestSupport.seedConfig(client)).create();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    host.close();
  }

  /** The seed's config, every DPUService reported Ready as the DPUService manager would, the config Ready. */
  @BeforeEach
  void aReadyPlatform() {
    editConfig(c -> {
      c.getSpec().getProvisioningConfiguration().setBfbPVCName("bfb-pvc");
      return c;
    });
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(client.resources(DPUService.class).inNamespace(NAMESPACE).list().getItems())
          .hasSize(DPFOperatorConfigIT.DPU_SERVICES.size());
      DPFOperatorConfigIT.DPU_SERVICES.stream().filter(name -> !dpuServiceReady(name))
          .forEach(name -> setDpuServiceStatus(name, ready()));
      assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c ->
          assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
      DPFOperatorConfig config = client.resources(DPFOperatorConfig.class).inNamespace(NAMESPACE)
          .withName("dpfoperatorconfig").get();
      assertThat(config.getStatus().getObservedGeneration()).as("Ready for the current spec")
          .isEqualTo(config.getMetadata().getGeneration());
    });
  }

  @Test
  void aMissingBfbPvcIsNamedAndKeepsTheRunningProvisioningController_creatingItMakesEverythingReady() {
    String pvc = "bfb-pvc-" + UUID.randomUUID().toString().substring(0, 6);
    editConfig(c -> {
      c.getSpec().getProvisioningConfiguration().setBfbPVCName(pvc);
      return c;
    });
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_RECONCILED)).hasValueSatisfying(c -> {
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getMessage()).contains("provisioning-controller: BFB PersistentVolumeClaim " + NAMESPACE + "/" + pvc
            + " does not exist");
      });
      assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
    });
    assertThat(provisioningArgs()).as("what runs keeps running").contains("--bfb-pvc=bfb-pvc");

    createBoundPvc(pvc);
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(provisioningArgs()).contains("--bfb-pvc=" + pvc);
      assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c ->
          assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
    });
  }

  @Test
  void aRolloutThatCannotScheduleItsPodIsNotReady_andTheSchedulersWordsSayWhy() {
    Map<String, Object> unschedulable = Map.of("spec", Map.of("template", Map.of("spec",
        Map.of("nodeSelector", Map.of("dpf.test/no-such-node", "true")))));
    patchDpuServiceManager(unschedulable);
    try {
      await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_READY))
          .hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getMessage()).contains("dpuservice-controller: Deployment " + DPUSERVICE_MANAGER
                + " rollout is not complete").contains("cannot be scheduled (Unschedulable)").contains("didn't match");
          }));
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName(DPUSERVICE_MANAGER).get().getStatus()
          .getReadyReplicas()).as("the old pod still runs: counting ready replicas would have said Ready").isEqualTo(1);
    } finally {
      patchDpuServiceManager(Map.of("spec", Map.of("template", Map.of("spec", Map.of("nodeSelector",
          Collections.singletonMap("dpf.test/no-such-node", null))))));
    }
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c ->
        assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True")));
  }

  @Test
  void aDpuServiceThatIsNotReadyIsNamedWithItsReasonAndMessage() {
    String why = "Application dpu-cplane-tenant1-flannel is not ready (Sync: OutOfSync, Health: Degraded).";
    DPUServiceStatus status = new DPUServiceStatus();
    status.setConditions(new ArrayList<>(List.of(
        condition("Ready", "False", "Pending", "The following conditions are not ready: ApplicationsReady"),
        condition("ApplicationsReady", "False", "Pending", why))));
    setDpuServiceStatus("flannel", status);
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_READY))
        .hasValueSatisfying(c -> assertThat(c.getMessage())
            .contains("flannel: DPUService flannel is not Ready: ApplicationsReady (Pending): " + why)));
  }

  @Test
  void aSecondConfigIsRefusedAtAdmission_andWhereAdmissionDoesNotCoverItIgnoredWithoutTouchingThePlatform() {
    namespace("stray");
    await().atMost(WAIT).untilAsserted(() -> {
      try {
        client.resource(strayConfig("stray")).create();
        client.resource(strayConfig("stray")).delete(); // the policy was not loaded yet: try again
        throw new AssertionError("a second DPFOperatorConfig was admitted");
      } catch (KubernetesClientException refused) {
        assertThat(refused.getCode()).isEqualTo(403);
        assertThat(refused.getMessage()).contains("reconciles only DPFOperatorConfig " + NAMESPACE + "/dpfoperatorconfig");
      }
    });

    withoutSingleConfigPolicy(() -> {
      await().atMost(WAIT).ignoreException(KubernetesClientException.class)
          .until(() -> client.resource(strayConfig("stray")).create() != null);
      try {
        await().atMost(WAIT).untilAsserted(() -> {
          DPFOperatorConfig stray = client.resources(DPFOperatorConfig.class).inNamespace("stray")
              .withName("dpfoperatorconfig").get();
          assertIgnored(stray);
          assertThat(stray.getMetadata().getFinalizers()).as("nothing of the stray config is ours to delete").isNullOrEmpty();
        });
        assertThat(client.resources(DPUService.class).inNamespace("stray").list().getItems()).isEmpty();
        assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c ->
            assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
      } finally {
        client.resources(DPFOperatorConfig.class).inNamespace("stray").withName("dpfoperatorconfig").delete();
      }
    });
  }

  /**
   * A config that carries the operator's finalizer from when it was the singleton (another
   * --config-namespace then) is ignored now: deleting it removes the finalizer and nothing else.
   */
  @Test
  void anIgnoredConfigThatStillCarriesTheFinalizerIsDeleted_andThePlatformIsUntouched() {
    namespace("former");
    List<String> deployments = client.apps().deployments().inNamespace(NAMESPACE).list().getItems().stream()
        .map(d -> d.getMetadata().getName()).sorted().toList();
    DPFOperatorConfig former = strayConfig("former");
    former.getMetadata().setFinalizers(List.of(Finalizers.DPF_OPERATOR_CONFIG));
    withoutSingleConfigPolicy(() -> await().atMost(WAIT).ignoreException(KubernetesClientException.class)
        .until(() -> client.resource(former).create() != null));
    var formerConfig = client.resources(DPFOperatorConfig.class).inNamespace("former").withName("dpfoperatorconfig");
    await().atMost(WAIT).untilAsserted(() -> {
      DPFOperatorConfig seen = formerConfig.get();
      assertThat(seen).isNotNull();
      assertIgnored(seen);
    });
    assertThat(formerConfig.get().getMetadata().getFinalizers()).as("kept while the config lives")
        .contains(Finalizers.DPF_OPERATOR_CONFIG);

    formerConfig.delete(); // with the policy back: it refuses creation only
    await().atMost(WAIT).untilAsserted(() -> assertThat(formerConfig.get()).as("deletion does not hang").isNull());
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems().stream()
        .map(d -> d.getMetadata().getName()).sorted().toList()).as("the platform is untouched").isEqualTo(deployments);
    assertThat(client.resources(DPUService.class).inNamespace(NAMESPACE).list().getItems())
        .allSatisfy(s -> assertThat(s.getMetadata().getDeletionTimestamp()).isNull())
        .hasSize(DPFOperatorConfigIT.DPU_SERVICES.size());
    assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c ->
        assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
  }

  private static void assertIgnored(DPFOperatorConfig stray) {
    assertThat(stray.getStatus()).isNotNull();
    assertThat(stray.getStatus().getConditions()).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo("Ready");
      assertThat(c.getStatus()).isEqualTo("False");
      assertThat(c.getReason()).isEqualTo("Ignored");
      assertThat(c.getMessage()).contains("reconciles only DPFOperatorConfig " + NAMESPACE + "/dpfoperatorconfig");
    });
  }

  /** Runs {@code body} with the chart's single-config admission policy unbound, as where admission does not cover it. */
  private static void withoutSingleConfigPolicy(Runnable body) {
    var bindings = client.genericKubernetesResources("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding");
    GenericKubernetesResource binding = bindings.withName(POLICY).get();
    bindings.withName(POLICY).delete();
    try {
      body.run();
    } finally {
      binding.getMetadata().setResourceVersion(null);
      binding.getMetadata().setUid(null);
      binding.getMetadata().setManagedFields(null);
      binding.getMetadata().setCreationTimestamp(null);
      client.resource(binding).create();
    }
  }

  private static DPFOperatorConfig strayConfig(String namespace) {
    DPFOperatorConfig stray = OperatorTestSupport.seedConfig(client);
    stray.getMetadata().setNamespace(namespace);
    return stray;
  }

  private static void patchDpuServiceManager(Map<String, Object> patch) {
    client.apps().deployments().inNamespace(NAMESPACE).withName(DPUSERVICE_MANAGER)
        .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch));
  }

  private static List<String> provisioningArgs() {
    Deployment provisioning = client.apps().deployments().inNamespace(NAMESPACE)
        .withName("dpf-provisioning-controller-manager").get();
    return provisioning.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
  }

  /** A claim pre-bound to a volume of its own, as SeedPrerequisites makes the seed's. */
  private static void createBoundPvc(String name) {
    client.persistentVolumes().resource(new PersistentVolumeBuilder()
        .withNewMetadata().withName(NAMESPACE + "-" + name).endMetadata()
        .withNewSpec().withCapacity(Map.of("storage", new Quantity("1Gi"))).withAccessModes("ReadWriteOnce")
            .withStorageClassName("manual").withNewHostPath().withPath("/var/lib/dpf/" + name).endHostPath()
        .endSpec().build()).create();
    client.persistentVolumeClaims().inNamespace(NAMESPACE).resource(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("manual").withVolumeName(NAMESPACE + "-" + name)
            .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources()
        .endSpec().build()).create();
  }

  private static void namespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  private static DPUServiceStatus ready() {
    DPUServiceStatus status = new DPUServiceStatus();
    status.setConditions(new ArrayList<>(List.of(condition("Ready", "True", "Success", ""))));
    return status;
  }

  private static Condition condition(String type, String status, String reason, String message) {
    return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(Instant.now().toString().replaceAll("\\.\\d+Z$", "Z")).build();
  }

  /** Writes a DPUService's status as the DPUService manager would (none runs here). */
  private static void setDpuServiceStatus(String name, DPUServiceStatus status) {
    for (int attempt = 1; ; attempt++) {
      try {
        DPUService service = client.resources(DPUService.class).inNamespace(NAMESPACE).withName(name).get();
        service.setStatus(status);
        client.resource(service).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static boolean dpuServiceReady(String name) {
    DPUService service = client.resources(DPUService.class).inNamespace(NAMESPACE).withName(name).get();
    return service.getStatus() != null && service.getStatus().getConditions() != null && service.getStatus()
        .getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Edits the singleton as a user would, again on a conflict with the operator's status writes. */
  private static void editConfig(UnaryOperator<DPFOperatorConfig> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.resources(DPFOperatorConfig.class).inNamespace(NAMESPACE).withName("dpfoperatorconfig").edit(change);
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static Optional<Condition> condition(String type) {
    DPFOperatorConfig config = client.resources(DPFOperatorConfig.class).inNamespace(NAMESPACE)
        .withName("dpfoperatorconfig").get();
    if (config == null || config.getStatus() == null || config.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return config.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
