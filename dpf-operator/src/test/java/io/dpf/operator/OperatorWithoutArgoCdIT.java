package io.dpf.operator;

import static io.dpf.operator.OperatorTestSupport.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.operator.inventory.Inventory;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.Crds;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator with {@code --no-argocd} (chart value {@code argoCD.deploy=false}), DPF's way since
 * v25.7: the user runs Argo CD. Before its CRDs exist, the config names the missing prerequisite
 * and the DPUService controller is not rolled out; installing Argo CD's CRDs later, as the user's
 * Argo CD chart does, rolls it out without restarting the operator. Real API server, chart RBAC.
 */
class OperatorWithoutArgoCdIT {

  static final Duration WAIT = Duration.ofSeconds(120);
  /** The CRDs a user's Argo CD installs (the same upstream files the operator's own Argo CD uses). */
  static final Path ARGOCD_CRDS = Path.of("../charts/argocd/crds");

  static LocalControlPlane host;
  static KubernetesClient client;
  static Manager operator;

  @BeforeAll
  static void start() {
    host = LocalControlPlane.start("no-argocd-it");
    client = host.client();
    OperatorTestSupport.prepareHost(host, "argoCD.deploy=false");
    operator = OperatorTestSupport.startOperator(host, new WriteCounter(), OperatorSettings.defaults().withoutArgoCd());
    client.resource(OperatorTestSupport.seedConfig(client)).create();
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    host.close();
  }

  @Test
  void missingArgoCdIsNamedAndHoldsBackTheDpuServiceController_installingItLaterRollsItOutWithoutARestart() {
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_RECONCILED)).hasValueSatisfying(c -> {
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getReason()).isEqualTo(KindReasons.DPFOperatorConfig.PREREQUISITE_MISSING);
        assertThat(c.getMessage()).contains("dpuservice-controller: Argo CD is a prerequisite")
            .contains("applications.argoproj.io does not exist").contains("appprojects.argoproj.io does not exist");
      });
      assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_READY)).hasValueSatisfying(c ->
          assertThat(c.getMessage()).contains("dpuservice-controller: waiting for its prerequisites"));
      assertThat(condition(ConditionTypes.READY)).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("False"));
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("dpf-provisioning-controller-manager")
          .get()).as("what does not need Argo CD is deployed").isNotNull();
    });
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").get())
        .as("held back until Argo CD is there").isNull();
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems())
        .extracting(d -> d.getMetadata().getName()).as("nothing of Argo CD is deployed by the operator")
        .noneMatch(name -> name.startsWith("argocd"));
    Inventory.ARGOCD_CRDS.forEach(crd ->
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName(crd).get()).isNull());

    Crds.install(client, Crds.load(ARGOCD_CRDS)); // the user installs Argo CD

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_RECONCILED)).hasValueSatisfying(c ->
          assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
      assertThat(client.apps().deployments().inNamespace(NAMESPACE).withName("dpuservice-controller-manager").get())
          .isNotNull();
      assertThat(condition(ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_READY)).hasValueSatisfying(c ->
          assertThat(c.getMessage()).doesNotContain("Argo CD").doesNotContain("waiting for its prerequisites"));
    });
    assertThat(client.apps().deployments().inNamespace(NAMESPACE).list().getItems())
        .extracting(d -> d.getMetadata().getName()).noneMatch(name -> name.startsWith("argocd"));
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
