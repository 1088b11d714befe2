package io.dpf.dpuservice.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Token lifetimes and credential Secrets, without a cluster. */
class CredentialRenderingTest {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  @Test
  void goDurationsParseAndLifetimesStayWithinDpfBounds() {
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThatThrownBy(() -> GoDuration.parse("10 minutes")).isInstanceOf(IllegalArgumentException.class);
    assertThat(TokenLifetime.requested(null)).isEqualTo(Duration.ofHours(1));
    assertThat(TokenLifetime.requested("1m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(TokenLifetime.requested("48h")).isEqualTo(Duration.ofHours(24));
    Instant issued = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(TokenLifetime.renewAt(issued, issued.plus(Duration.ofHours(10))))
        .isEqualTo(issued.plus(Duration.ofHours(8)));
  }

  @Test
  void kubeconfigSecretHoldsAWorkingKubeconfigWithTheToken() {
    Secret secret = CredentialSecrets.render(request("kubeconfig"),
        new CredentialSecrets.ApiEndpoint("https://10.0.0.1:6443", "Q0E="), "tok");

    assertThat(secret.getMetadata().getName()).isEqualTo("creds");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("target-ns");
    assertThat(secret.getMetadata().getLabels()).containsEntry("team", "ovn")
        .containsEntry(CredentialSecrets.NAME_LABEL, "req").containsEntry(CredentialSecrets.NAMESPACE_LABEL, "ns");
    Config config = Config.fromKubeconfig(decode(secret, "kubeconfig"));
    assertThat(config.getMasterUrl()).startsWith("https://10.0.0.1:6443");
    assertThat(config.getCaCertData()).isEqualTo("Q0E=");
    assertThat(config.getAutoOAuthToken()).isEqualTo("tok");
  }

  @Test
  void tokenFileSecretHoldsTheInClusterEnvironment() {
    Secret secret = CredentialSecrets.render(request("tokenFile"),
        new CredentialSecrets.ApiEndpoint("https://10.0.0.1:6443", "Q0E="), "tok");

    assertThat(decode(secret, "KUBERNETES_SERVICE_HOST")).isEqualTo("10.0.0.1");
    assertThat(decode(secret, "KUBERNETES_SERVICE_PORT")).isEqualTo("6443");
    assertThat(decode(secret, "KUBERNETES_CA_DATA")).isEqualTo("Q0E=");
    assertThat(decode(secret, "TOKEN_FILE")).isEqualTo("tok");
  }

  private static DPUServiceCredentialRequest request(String type) {
    return JSON.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceCredentialRequest
        metadata: {name: req, namespace: ns}
        spec:
          serviceAccount: {name: sa, namespace: sa-ns}
          type: %s
          secret: {name: creds, namespace: target-ns}
          metadata: {labels: {team: ovn}}
        """.formatted(type), DPUServiceCredentialRequest.class);
  }

  private static String decode(Secret secret, String key) {
    return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }
}
