package io.dpf.runtime.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ManagerTest {

  @Test
  void guiceModulesAloneMakeARunnableManagerThatStopsCleanly() throws Exception {
    ManagerSettings settings = ManagerSettings.inCluster("empty").withHttpPort(0).withoutLeaderElection();
    try (KubernetesClient client = new KubernetesClientBuilder().build()) {
      Manager manager = Manager.create(new ManagerModule(settings), ManagerModule.useClient(client));
      manager.start();
      String base = "http://localhost:" + manager.httpPort();

      assertThat(manager.isLeader()).as("no election: reconciles at once").isTrue();
      assertThat(status(base + "/healthz")).isEqualTo(200);
      assertThat(status(base + "/readyz")).isEqualTo(200);
      assertThatThrownBy(manager::start).isInstanceOf(IllegalStateException.class);

      manager.close();
      assertThat(manager.isReady()).isFalse();
      manager.close(); // closing twice is harmless
    }
  }

  @Test
  void leaderElectionSettingsRefuseDurationsThatCannotWork() {
    LeaderElectionSettings defaults = LeaderElectionSettings.of("ns", "lease");
    assertThat(defaults.identity()).isNotBlank();
    assertThat(defaults.withIdentity("a").identity()).isEqualTo("a");
    assertThatThrownBy(() -> defaults.withDurations(
        Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int status(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
