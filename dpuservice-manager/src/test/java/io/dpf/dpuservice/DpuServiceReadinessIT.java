package io.dpf.dpuservice;

import static io.dpf.dpuservice.DpuServiceFixture.ARGOCD_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DPUService's readiness tells the truth about what it depends on, on real API servers: a DPU
 * cluster whose kubeconfig is gone makes it say which cluster and why (and ApplicationsReady is not
 * True), and a stray second DPFOperatorConfig changes nothing. Each test starts from a Ready service;
 * the real Argo CD syncs it (ArgoCdEnvironment).
 */
class DpuServiceReadinessIT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String TENANT = "tenant-r";
  static final String SERVICE = "telemetry";
  static final String CLUSTER = "dpu-a";

  static ArgoCdEnvironment env;
  static LocalControlPlane host;

  @BeforeAll
  static void start() {
    env = ArgoCdEnvironment.start(Duration.ofSeconds(10));
    host = env.host;
    DpuServiceFixture.namespace(host.client(), TENANT);
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  /** The DPU cluster registered and the service Ready, whatever the test before left. */
  @BeforeEach
  void aReadyService() {
    env.registerDpuA();
    if (service() == null) {
      host.client().resource(env.dpuService(TENANT, SERVICE)).create();
    }
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c ->
          assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
    });
  }

  @Test
  void aDeletedKubeconfigSecretIsNamed_applicationsReadyIsUnknown_andARecreatedOneMakesItReadyAgain() {
    String secret = DpuClusters.secretName(CLUSTER);
    host.client().secrets().inNamespace(DpuServiceFixture.clusterNamespace(CLUSTER)).withName(secret).delete();

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.DPUService.APPLICATIONS_READY)).hasValueSatisfying(c -> {
        assertThat(c.getStatus()).as("what cannot be evaluated is not True").isEqualTo("Unknown");
        assertThat(c.getMessage()).contains("DPU cluster " + CLUSTER + " cannot be reached").contains(secret);
      });
      assertThat(condition(ConditionTypes.DPUService.APPLICATION_PREREQS_RECONCILED)).hasValueSatisfying(c -> {
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getMessage()).contains("DPU cluster " + CLUSTER).contains(secret);
      });
      assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
    });
    assertThat(host.client().resources(Application.class).inNamespace(ARGOCD_NAMESPACE)
        .withName(CLUSTER + "-" + SERVICE).get()).as("the unreachable cluster's Application stays").isNotNull();

    env.registerDpuA();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c ->
          assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
    });
  }

  @Test
  void aSecondDpfOperatorConfigElsewhereChangesNothing() {
    DpuServiceFixture.namespace(host.client(), "stray");
    DPFOperatorConfig stray = host.client().getKubernetesSerialization().unmarshal("""
        apiVersion: operator.dpu.nvidia.com/v1alpha1
        kind: DPFOperatorConfig
        metadata: {name: dpfoperatorconfig, namespace: stray}
        spec:
          provisioningConfiguration: {bfbPVCName: bfb-pvc}
        """, DPFOperatorConfig.class);
    host.client().resource(stray).create();
    try {
      // A change of the service makes a reconcile that must see both configs, and stay Ready.
      DPUService changed = host.client().resources(DPUService.class).inNamespace(TENANT).withName(SERVICE).edit(s -> {
        ((ObjectNode) s.getSpec().getHelmChart().getValues().get("image"))
            .put("tag", "v2");
        return s;
      });
      long generation = changed.getMetadata().getGeneration();
      await().atMost(WAIT).untilAsserted(() -> {
        DPUService now = service();
        assertThat(now.getStatus().getObservedGeneration()).isEqualTo(generation);
        assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c ->
            assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
      });
      Application app = host.client().resources(Application.class).inNamespace(ARGOCD_NAMESPACE)
          .withName(CLUSTER + "-" + SERVICE).get();
      assertThat(app.getSpec().getSource().getHelm().getValuesObject().at("/image/tag").asText()).isEqualTo("v2");
      assertThat(host.client().resources(Application.class).inNamespace("stray").list().getItems())
          .as("nothing goes to the stray config's namespace").isEmpty();
    } finally {
      host.client().resource(stray).delete();
    }
  }

  static DPUService service() {
    return host.client().resources(DPUService.class).inNamespace(TENANT).withName(SERVICE).get();
  }

  static Optional<Condition> condition(String type) {
    DPUService service = service();
    if (service == null || service.getStatus() == null || service.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return service.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
