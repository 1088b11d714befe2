package io.dpf.dpuservice.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.ApiTypes;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renewal decided on a real API server, one reconcile at a time (no manager, no queue): a cached
 * copy of the request from before the status write that recorded its token, as a watch event can
 * hand over (the Secret's own event arrives first), must not make a second token.
 */
class CredentialRenewalIT {

  static final String NS = "dpf-operator-system";

  static LocalControlPlane host;
  static KubernetesClient client;
  static final WriteCounter writes = new WriteCounter();
  static KubernetesClient counted;

  @BeforeAll
  static void start() {
    host = LocalControlPlane.startApiServerOnly("credential-renewal");
    host.installCrds(List.of(ApiTypes.crd(DPUServiceCredentialRequest.class)));
    client = host.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    counted = writes.countingClient(host);
  }

  @AfterAll
  static void stop() {
    counted.close();
    host.close();
  }

  @Test
  void aCopyFromBeforeTheStatusWriteThatRecordedTheTokenIssuesNoSecondOne() {
    // Host target only: the DPU cluster registry is never asked.
    var reconciler = new DPUServiceCredentialRequestReconciler(counted, null, Clock.systemUTC());
    client.resource(request("agent")).create();
    reconciler.reconcile(live("agent")); // the finalizer
    DPUServiceCredentialRequest beforeIssuing = live("agent");
    int before = writes.count();

    reconciler.reconcile(beforeIssuing);
    String token = token("agent-credentials");
    assertThat(live("agent").getStatus().getExpirationTimestamp()).as("the token is recorded").isNotNull();

    // The same copy again (the Secret's watch event came before the status write's), and one that
    // an edit made newer than it but that still lacks that status write.
    reconciler.reconcile(beforeIssuing);
    DPUServiceCredentialRequest edited = client.getKubernetesSerialization().clone(beforeIssuing);
    edited.getMetadata().setResourceVersion(beforeIssuing.getMetadata().getResourceVersion() + "0");
    reconciler.reconcile(edited);
    reconciler.reconcile(live("agent"));

    assertThat(writes.since(before, path -> path.endsWith("/serviceaccounts/agent/token")))
        .as("TokenRequests").hasSize(1);
    assertThat(token("agent-credentials")).isEqualTo(token);
    assertThat(live("agent").getStatus().getIssuedAt()).isNotNull();
  }

  private static DPUServiceCredentialRequest live(String name) {
    return client.resources(DPUServiceCredentialRequest.class).inNamespace(NS).withName(name).get();
  }

  private static String token(String secret) {
    return new String(Base64.getDecoder().decode(
        client.secrets().inNamespace(NS).withName(secret).get().getData().get("TOKEN_FILE")), StandardCharsets.UTF_8);
  }

  private static DPUServiceCredentialRequest request(String name) {
    return client.getKubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceCredentialRequest
        metadata: {name: %s, namespace: %s}
        spec:
          serviceAccount: {name: %s, namespace: ovn}
          duration: 1h
          type: tokenFile
          secret: {name: %s-credentials, namespace: %s}
        """.formatted(name, NS, name, name, NS), DPUServiceCredentialRequest.class);
  }
}
