package io.dpf.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClusterClientsTest {

  private static final ResourceKey SECRET = new ResourceKey("dpf", "dpu-cplane-tenant1-admin-kubeconfig");

  @Test
  void keepsOneClientPerKubeconfigAndReplacesItWhenTheKubeconfigChanges() {
    try (ClusterClients clients = new ClusterClients()) {
      KubernetesClient first = clients.clientFor(SECRET, kubeconfig("https://10.0.0.1:6443"));

      assertThat(clients.clientFor(SECRET, kubeconfig("https://10.0.0.1:6443"))).isSameAs(first);
      assertThat(first.getMasterUrl()).hasToString("https://10.0.0.1:6443/");

      KubernetesClient moved = clients.clientFor(SECRET, kubeconfig("https://10.0.0.2:6443"));
      assertThat(moved).isNotSameAs(first);
      assertThat(clients.get(SECRET)).containsSame(moved);

      clients.remove(SECRET);
      assertThat(clients.get(SECRET)).isEmpty();
      assertThat(clients.clusters()).isEmpty();
    }
  }

  @Test
  void readsTheKubeconfigFromTheAdminConfKey() {
    String kubeconfig = kubeconfig("https://10.0.0.1:6443");
    var secret = new SecretBuilder().withNewMetadata().withName("x").endMetadata()
        .addToData("admin.conf", Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8)))
        .build();

    assertThat(ClusterClients.kubeconfigOf(secret)).contains(kubeconfig);
    assertThat(ClusterClients.kubeconfigOf(new SecretBuilder().build())).isEmpty();
  }

  private static String kubeconfig(String server) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: dpu
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        users:
        - name: admin
          user:
            token: not-a-real-token
        contexts:
        - name: dpu
          context: {cluster: dpu, user: admin}
        current-context: dpu
        """.formatted(server);
  }
}
