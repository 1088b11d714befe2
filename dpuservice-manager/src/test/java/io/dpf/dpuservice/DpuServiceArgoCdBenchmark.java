package io.dpf.dpuservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.testkit.bench.BenchReport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -B verify -Pbench -pl dpuservice-manager -am -Dit.test=DpuServiceArgoCdBenchmark}:
 * {@code -Ddpf.bench.services} DPUServices (default 200) on two DPU clusters, synced by the real
 * Argo CD at its upstream resync period; prints the time until every DPUService is Ready (all
 * Applications Synced and Healthy), the manager's writes and reads, and Argo CD's memory, in the
 * benchmark report. Asserts only that they all become Ready, never how fast.
 */
class DpuServiceArgoCdBenchmark {

  @Test
  void manyDpuServicesOnTwoDpuClustersBecomeReadyThroughTheRealArgoCd() {
    int services = Integer.getInteger("dpf.bench.services", 200);
    try (ArgoCdEnvironment env = ArgoCdEnvironment.start(Duration.ofSeconds(120))) {
      var client = env.client();
      DpuServiceFixture.namespace(client, "scale");
      BenchReport.Section report = BenchReport.section("DPUServices through the real Argo CD (N DPUServices x 2 DPU clusters)");
      Map<String, Long> rssBefore = env.argoCd.residentKilobytes();
      long started = System.nanoTime();
      int writesBefore = env.writes.count();
      int readsBefore = env.writes.readCount();
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
      String at = "N=" + services + ": ";
      report.figure(at + "all DPUServices created", (created - started) / 1e9, "s")
          .figure(at + "all DPUServices Ready (every Application Synced and Healthy)", (ready - started) / 1e9, "s")
          .figure(at + "manager writes until Ready", env.writes.count() - writesBefore, "writes")
          .figure(at + "manager reads until Ready", env.writes.readCount() - readsBefore, "reads")
          .note("Argo CD (local processes, upstream resync period) RSS in kB before: " + rssBefore + "; with "
              + 2 * services + " Applications: " + env.argoCd.residentKilobytes())
          .write();
    }
  }
}
