package io.dpf.dpuservice.dpuservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.LabelKeys;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProject;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationDestination;
import io.dpf.dpuservice.clusters.DpuCluster;
import io.dpf.dpuservice.clusters.KubeconfigCredentials;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ArgoCD cluster Secrets, AppProjects and pull-secret copies, without a cluster. */
class ArgoCdObjectsTest {

  static final String KUBECONFIG = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: kamaji
        cluster: {server: "https://10.0.0.1:6443", certificate-authority-data: Q0E=}
      users:
      - name: admin
        user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}
      contexts:
      - name: admin@kamaji
        context: {cluster: kamaji, user: admin}
      current-context: admin@kamaji
      """;

  static DPFOperatorConfig owner() {
    DPFOperatorConfig config = new DPFOperatorConfig();
    config.getMetadata().setName("dpfoperatorconfig");
    config.getMetadata().setNamespace("dpf-operator-system");
    config.getMetadata().setUid("uid-1");
    return config;
  }

  @Test
  void clusterSecretCarriesServerAndTlsDataFromTheAdminKubeconfig() throws Exception {
    DpuCluster cluster = new DpuCluster("dpu-cplane-tenant1", "dpu-a", Map.of(), KubeconfigCredentials.parse(KUBECONFIG), null);

    Secret secret = ArgoCdObjects.clusterSecret(cluster, owner());

    assertThat(secret.getMetadata().getName()).isEqualTo("dpu-cplane-tenant1-dpu-a");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("dpf-operator-system");
    assertThat(secret.getMetadata().getLabels()).containsEntry("argocd.argoproj.io/secret-type", "cluster")
        .containsEntry(LabelKeys.CLUSTER, "dpu-a").containsEntry(LabelKeys.COMPONENT, "dpuservice-manager");
    assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
      assertThat(ref.getKind()).isEqualTo("DPFOperatorConfig");
      assertThat(ref.getController()).isTrue();
    });
    assertThat(decode(secret, "name")).isEqualTo("dpu-a");
    assertThat(decode(secret, "server")).isEqualTo("https://10.0.0.1:6443");
    JsonNode config = Json.SERIALIZATION.unmarshal(decode(secret, "config"), JsonNode.class);
    assertThat(config.at("/tlsClientConfig/caData").asText()).isEqualTo("Q0E=");
    assertThat(config.at("/tlsClientConfig/certData").asText()).isEqualTo("Q0VSVA==");
    assertThat(config.at("/tlsClientConfig/keyData").asText()).isEqualTo("S0VZ");
  }

  @Test
  void dpuProjectAllowsEveryDpuClusterAndHostProjectOnlyInCluster() {
    AppProject dpu = ArgoCdObjects.dpuProject(List.of("dpu-b", "dpu-a"), owner());
    AppProject host = ArgoCdObjects.hostProject(owner());

    assertThat(dpu.getMetadata().getName()).isEqualTo("doca-platform-project-dpu");
    assertThat(dpu.getSpec().getDestinations()).extracting(ApplicationDestination::getName).containsExactly("dpu-a", "dpu-b");
    assertThat(dpu.getSpec().getDestinations()).extracting(ApplicationDestination::getNamespace).containsOnly("*");
    assertThat(dpu.getSpec().getSourceRepos()).containsExactly("*");
    assertThat(dpu.getSpec().getClusterResourceWhitelist()).singleElement()
        .satisfies(gk -> assertThat(gk.getGroup() + "/" + gk.getKind()).isEqualTo("*/*"));
    assertThat(host.getMetadata().getName()).isEqualTo("doca-platform-project-host");
    assertThat(host.getSpec().getDestinations()).extracting(ApplicationDestination::getName).containsExactly("in-cluster");
  }

  @Test
  void pullSecretCopyKeepsNameLabelsTypeAndDataOnly() {
    Secret original = new SecretBuilder().withNewMetadata().withName("pull").withNamespace("ns")
        .withResourceVersion("42").withUid("u").addToLabels(LabelKeys.IMAGE_PULL_SECRET, "").endMetadata()
        .withType("kubernetes.io/dockerconfigjson").withData(Map.of(".dockerconfigjson", "e30=")).build();

    Secret copy = PullSecretMirror.copyOf(original);

    assertThat(copy.getMetadata().getName()).isEqualTo("pull");
    assertThat(copy.getMetadata().getNamespace()).isEqualTo("ns");
    assertThat(copy.getMetadata().getResourceVersion()).isNull();
    assertThat(copy.getMetadata().getUid()).isNull();
    assertThat(copy.getMetadata().getLabels()).containsKey(LabelKeys.IMAGE_PULL_SECRET);
    assertThat(copy.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
    assertThat(copy.getData()).containsEntry(".dockerconfigjson", "e30=");
  }

  private static String decode(Secret secret, String key) {
    return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }
}
