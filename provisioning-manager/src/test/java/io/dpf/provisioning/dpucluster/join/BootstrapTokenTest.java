package io.dpf.provisioning.dpucluster.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BootstrapTokenTest {

  private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void generatedTokenHasTheFormatTheApiServerAccepts() {
    BootstrapToken token = BootstrapToken.generate(EXPIRES);
    assertThat(token.id()).matches("[a-z0-9]{6}");
    assertThat(token.secret()).matches("[a-z0-9]{16}");
    assertThat(token.token()).isEqualTo(token.id() + "." + token.secret());
  }

  @Test
  void secretCarriesTheBootstrapTokenFields() {
    BootstrapToken token = BootstrapToken.generate(EXPIRES);
    Secret secret = token.toSecret();
    assertThat(secret.getMetadata().getName()).isEqualTo("bootstrap-token-" + token.id());
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("kube-system");
    assertThat(secret.getType()).isEqualTo("bootstrap.kubernetes.io/token");
    assertThat(secret.getStringData()).containsEntry("token-id", token.id())
        .containsEntry("token-secret", token.secret())
        .containsEntry("usage-bootstrap-authentication", "true")
        .containsEntry("usage-bootstrap-signing", "true")
        .containsEntry("auth-extra-groups", "system:bootstrappers:kubeadm:default-node-token")
        .containsEntry("expiration", "2030-01-01T00:00:00Z");
  }

  @Test
  void readsBackFromTheStoredSecret() {
    BootstrapToken token = BootstrapToken.generate(EXPIRES);
    Secret stored = token.toSecret();
    Map<String, String> data = new HashMap<>();
    stored.getStringData().forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
    stored.setData(data);
    stored.setStringData(null);
    assertThat(BootstrapToken.fromSecret(stored)).contains(token);
  }

  @Test
  void joinCommandNamesEndpointTokenAndCaHash() {
    BootstrapToken token = new BootstrapToken("abcdef", "0123456789abcdef", EXPIRES);
    assertThat(JoinCredentials.command(JoinCredentials.endpoint("https://10.0.0.5:6443"), token, "sha256:00"))
        .isEqualTo("kubeadm join 10.0.0.5:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:00");
    assertThat(JoinCredentials.endpoint("https://dpu-cluster.example")).isEqualTo("dpu-cluster.example:443");
  }
}
