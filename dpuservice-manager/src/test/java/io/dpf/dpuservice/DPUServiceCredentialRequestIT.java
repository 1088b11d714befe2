package io.dpf.dpuservice;

import static io.dpf.dpuservice.DpuServiceFixture.ARGOCD_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequestStatus;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Credentials for a DPU cluster and for the host, issued by real API servers' TokenRequest API, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DPUServiceCredentialRequestIT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String NS = ARGOCD_NAMESPACE;

  static LocalControlPlane host;
  static LocalControlPlane dpu;
  static KubernetesClient client;
  static Manager manager;
  static WriteCounter writes = new WriteCounter();

  @BeforeAll
  static void start() {
    host = LocalControlPlane.startApiServerOnly("credentials-host");
    dpu = LocalControlPlane.startApiServerOnly("credentials-dpu");
    client = host.client();
    DpuServiceFixture.prepareHost(host);
    DpuServiceFixture.registerDpuCluster(host, "dpu-a", dpu);
    DpuServiceFixture.installChartRbac(host);
    manager = DpuServiceFixture.startManager(host, writes);
  }

  @AfterAll
  static void stop() {
    DpuServiceFixture.closeAll(manager, dpu, host);
  }

  @Test
  @Order(1)
  void kubeconfigForADpuClusterAuthenticatesAsTheRequestedServiceAccount() {
    client.resource(request("ovn-dpu", "kubeconfig", "targetCluster: {name: dpu-a, namespace: dpu-cplane-dpu-a}")).create();

    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(dpu.client().serviceAccounts().inNamespace("ovn").withName("ovn-dpu").get()).isNotNull();
      assertThat(client.secrets().inNamespace(NS).withName("ovn-dpu-credentials").get()).isNotNull();
      assertThat(statusOf("ovn-dpu").getExpirationTimestamp()).isNotNull();
    });
    String kubeconfig = data(client.secrets().inNamespace(NS).withName("ovn-dpu-credentials").get(), "kubeconfig");
    try (KubernetesClient asServiceAccount = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
      assertThatThrownBy(() -> asServiceAccount.pods().inNamespace("ovn").list())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining("system:serviceaccount:ovn:ovn-dpu"); // authenticated, and given no rights
    }
    DPUServiceCredentialRequest ready = request("ovn-dpu");
    assertThat(ready.getStatus().getServiceAccount()).isEqualTo("ovn/ovn-dpu");
    assertThat(ready.getStatus().getTargetCluster()).isEqualTo("dpu-cplane-dpu-a/dpu-a");
    assertThat(Instant.parse(ready.getStatus().getExpirationTimestamp()))
        .isAfter(Instant.now().plus(Duration.ofMinutes(50))).isBefore(Instant.now().plus(Duration.ofMinutes(61)));
    await().atMost(WAIT).untilAsserted(() -> assertThat(statusOf("ovn-dpu").getConditions())
        .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True")));
  }

  @Test
  @Order(2)
  void tokenFileForTheHostHasTheServiceEnvironmentAndIsNotReissuedWhileValid() {
    int before = writes.count();
    client.resource(request("host-agent", "tokenFile", "")).create();
    // Edits (every poll) while the first token is being issued: a reconcile may then read a copy
    // newer than the one issuing started from and older than the status that records the token.
    AtomicInteger edits = new AtomicInteger();
    await().atMost(WAIT).untilAsserted(() -> {
      touch("host-agent", "early-" + edits.incrementAndGet());
      secret("host-agent-credentials");
      assertThat(statusOf("host-agent").getExpirationTimestamp()).as("the token is recorded").isNotNull();
    });
    Secret secret = secret("host-agent-credentials");
    assertThat(secret.getData()).containsKeys("KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT",
        "KUBERNETES_CA_DATA", "TOKEN_FILE");
    assertThat(data(secret, "KUBERNETES_SERVICE_HOST")).isEqualTo("127.0.0.1");
    String token = data(secret, "TOKEN_FILE");

    // A change that is not to the spec makes a reconcile, which must keep the valid token.
    // A merge patch: it carries no resourceVersion, so the manager's concurrent status writes do not conflict.
    touch("host-agent", "late");
    await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> assertThat(
        data(secret("host-agent-credentials"), "TOKEN_FILE")).isEqualTo(token));
    // Issuing writes the Secret before the status; neither the Secret's watch event nor an edit may
    // make a reconcile that reads the request from before that status write issue a second token.
    assertThat(writes.since(before, path -> path.endsWith("/serviceaccounts/host-agent/token")))
        .as("TokenRequests for host-agent").hasSize(1);
  }

  @Test
  @Order(3)
  void validCredentialsCauseNoWrites() throws InterruptedException {
    assertThat(DpuServiceFixture.writesWhileNothingChanges(writes, Duration.ofSeconds(10)))
        .as("writes by the manager over 10 s of nothing changing").isEmpty();
  }

  @Test
  @Order(4)
  void aDeletedSecretIsIssuedAgain_andDeletingTheRequestRemovesSecretAndServiceAccount() {
    client.secrets().inNamespace(NS).withName("ovn-dpu-credentials").delete();
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(client.secrets().inNamespace(NS).withName("ovn-dpu-credentials").get()).isNotNull());

    client.resources(DPUServiceCredentialRequest.class).inNamespace(NS).withName("ovn-dpu").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(request("ovn-dpu")).isNull();
      assertThat(client.secrets().inNamespace(NS).withName("ovn-dpu-credentials").get()).isNull();
      assertThat(dpu.client().serviceAccounts().inNamespace("ovn").withName("ovn-dpu").get()).isNull();
    });
  }

  /** An edit that is not to the spec (an annotation), as a merge patch: no resourceVersion, so no conflict. */
  static void touch(String name, String value) {
    client.resources(DPUServiceCredentialRequest.class).inNamespace(NS).withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"touched\":\"" + value + "\"}}}");
  }

  static DPUServiceCredentialRequest request(String name) {
    return client.resources(DPUServiceCredentialRequest.class).inNamespace(NS).withName(name).get();
  }

  /** The request's status, asserted present first: inside an await, an NPE would end the wait at once. */
  static DPUServiceCredentialRequestStatus statusOf(String name) {
    DPUServiceCredentialRequest request = request(name);
    assertThat(request).as("DPUServiceCredentialRequest " + name).isNotNull();
    assertThat(request.getStatus()).as("status of " + name).isNotNull();
    return request.getStatus();
  }

  /** The Secret, asserted present first (see {@link #statusOf}). */
  static Secret secret(String name) {
    Secret secret = client.secrets().inNamespace(NS).withName(name).get();
    assertThat(secret).as("Secret " + name).isNotNull();
    return secret;
  }

  static DPUServiceCredentialRequest request(String name, String type, String target) {
    return client.getKubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceCredentialRequest
        metadata: {name: %s, namespace: %s}
        spec:
          serviceAccount: {name: %s, namespace: ovn}
          duration: 1h
          type: %s
          secret: {name: %s-credentials, namespace: %s}
          %s
        """.formatted(name, NS, name, type, name, NS, target), DPUServiceCredentialRequest.class);
  }

  static String data(Secret secret, String key) {
    return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }
}
