package io.dpf.dpuservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -B verify -Pbench -pl dpuservice-manager -am -Dit.test=DpuServiceArgoCdBenchmark}:
 * {@code -Ddpf.bench.services} DPUServices (default 200) on two DPU clusters, synced by the real
 * Argo CD at its upstream resync period; prints the time until every DPUService is Ready (all
 * Applications Synced and Healthy), the manager's writes, and Argo CD's memory. Asserts only that
 * they all become Ready, never how fast.
 */
class DpuServiceArgoCdBenchmark {

  @Test
  void manyDpuServicesOnTwoDpuClustersBecomeReadyThroughTheRealArgoCd() {
    int services = Integer.getInteger("dpf.bench.services", 200);
    try (ArgoCdEnvironment env = ArgoCdEnvironment.start(Duration.ofSeconds(120))) {
      var client = env.client();
      DpuServiceFixture.namespace(client, "scale");
      System.out.printf("[figure] Argo CD RSS before, kB: %s%n", env.argoCd.residentKilobytes());
      long started = System.nanoTime();
      int writesBefore = env.writes.count();
      for (int i = 0; i < services; i++) {
        client.resource(env.dpuService("scale", "svc-" + i)).create();
      }
      long created = System.nanoTime();
      await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
        long healthy = client.resources(Application.class).inNamespace(DpuServiceFixture.ARGOCD_NAMESPACE).list()
            .getItems().stream().filter(a -> a.getStatus() != null && a.getStatus().getHealth() != null
                && "Healthy".equals(a.getStatus().getHealth().getStatus())
                && "Synced".equals(a.getStatus().getSync().getStatus())).count();
        long ready = client.resources(DPUService.class).inNamespace("scale").list().getItems().stream()
            .filter(s -> s.getStatus() != null && s.getStatus().getConditions() != null && s.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
            .count();
        System.out.printf("[progress] %d of %d Applications Synced+Healthy, %d of %d DPUServices Ready%n",
            healthy, 2 * services, ready, services);
        assertThat(ready).isEqualTo(services);
      });
      long ready = System.nanoTime();
      System.out.printf("[figure] %d DPUServices x 2 DPU clusters (%d Applications), real Argo CD: created in %.1f s, "
          + "all Ready %.1f s after the first was created, %d manager writes%n", services, 2 * services,
          (created - started) / 1e9, (ready - started) / 1e9, env.writes.count() - writesBefore);
      System.out.printf("[figure] Argo CD RSS with %d Applications, kB: %s%n", 2 * services,
          env.argoCd.residentKilobytes());
    }
  }
}
