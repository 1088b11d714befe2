package io.dpf.operator.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.operator.OperatorTestSupport;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.Crds;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.SeedPrerequisites;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated OLM bundle, installed the way OLM carries out a ClusterServiceVersion's install
 * strategy (CRDs, service account, cluster and namespace permissions, Deployment) — OLM itself
 * does not run here — then the operator running with exactly those permissions on the CSV's example.
 */
class OlmBundleIT {

  static final Path BUNDLE = Path.of("target/bundle/manifests");
  static final String NS = SeedPrerequisites.NAMESPACE;
  static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void bundleInstallsAndItsPermissionsSufficeForTheExample() throws Exception {
    JsonNode csv = JSON.unmarshal(Files.readString(BUNDLE.resolve("dpf-operator.clusterserviceversion.yaml")), JsonNode.class);
    try (LocalControlPlane host = LocalControlPlane.start("olm-bundle")) {
      KubernetesClient client = host.client();
      host.addNode("control-plane-0", Map.of("node-role.kubernetes.io/control-plane", ""));
      List<Path> crdFiles;
      try (var files = Files.list(BUNDLE)) {
        crdFiles = files.filter(f -> !f.getFileName().toString().contains("clusterserviceversion")).sorted().toList();
      }
      crdFiles.forEach(f -> host.installCrds(Crds.load(f)));
      assertThat(csv.at("/spec/customresourcedefinitions/owned")).hasSize(crdFiles.size());
      SeedPrerequisites.create(host);
      installStrategy(client, csv.at("/spec/install/spec"));

      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
        Deployment operator = client.apps().deployments().inNamespace(NS).withName("dpf-operator-controller-manager").get();
        assertThat(operator.getStatus().getAvailableReplicas()).isEqualTo(1);
      });

      Manager operator = OperatorTestSupport.startOperator(host, new WriteCounter());
      try {
        String example = csv.at("/metadata/annotations/alm-examples").asText();
        DPFOperatorConfig config = JSON.unmarshal(example, DPFOperatorConfig[].class)[0];
        client.resource(config).create();
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
          DPFOperatorConfig live = client.resources(DPFOperatorConfig.class).inNamespace(NS).withName("dpfoperatorconfig").get();
          assertThat(live.getStatus()).isNotNull();
          assertThat(live.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("SystemComponentsReconciled");
            assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True");
          });
        });
      } finally {
        operator.close();
      }
    }
  }

  /** What OLM's catalog operator creates from spec.install.spec. */
  private static void installStrategy(KubernetesClient client, JsonNode install) {
    JsonNode deployment = install.at("/deployments/0");
    String account = install.at("/clusterPermissions/0/serviceAccountName").asText();
    client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata().withName(account)
        .endMetadata().build()).create();
    List<PolicyRule> clusterRules =
        Arrays.asList(JSON.convertValue(install.at("/clusterPermissions/0/rules"), PolicyRule[].class));
    client.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("olm-dpf-operator")
        .endMetadata().withRules(clusterRules).build()).create();
    client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
        .withName("olm-dpf-operator").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole",
            "olm-dpf-operator").addNewSubject().withKind("ServiceAccount").withName(account).withNamespace(NS)
        .endSubject().build()).create();
    List<PolicyRule> rules = Arrays.asList(JSON.convertValue(install.at("/permissions/0/rules"), PolicyRule[].class));
    client.rbac().roles().inNamespace(NS).resource(new RoleBuilder().withNewMetadata().withName("olm-dpf-operator")
        .endMetadata().withRules(rules).build()).create();
    client.rbac().roleBindings().inNamespace(NS).resource(new RoleBindingBuilder().withNewMetadata()
        .withName("olm-dpf-operator").endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "Role",
            "olm-dpf-operator").addNewSubject().withKind("ServiceAccount").withName(account).withNamespace(NS)
        .endSubject().build()).create();
    client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata()
        .withName(deployment.get("name").asText()).endMetadata()
        .withSpec(JSON.convertValue(deployment.get("spec"), DeploymentSpec.class)).build()).create();
  }
}
