package io.dpf.dpuservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.OperatingSystemMXBean;
import io.dpf.api.LabelKeys;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.dpuservice.dpuservice.ArgoCdTarget;
import io.dpf.dpuservice.dpuservice.DpuServiceApplications;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.dpf.testkit.bench.BenchReport;
import io.dpf.testkit.bench.ReadProfile;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -B verify -Pbench -pl dpuservice-manager -am -Dit.test=DpuServiceConvergenceBenchmark}:
 * issue 17's convergence figures. N DPUServices × M DPU clusters (Argo CD absent, as in the issue's
 * side-by-side measurement): the time until every Application exists with the spec the manager
 * renders, the manager's writes until then and its reads until quiet, against the same
 * Applications written by a plain client with server-side apply one after another (what
 * {@code kubectl apply --server-side} of one file does). {@code -Ddpf.bench.sizes=100,250,500,1000}
 * and {@code -Ddpf.bench.clusters=2,4} choose the points. Each point uses a fresh manager and fresh
 * clusters, so no point inherits another's caches. Asserts only that the manager converges.
 */
class DpuServiceConvergenceBenchmark {

  private static final Duration CONVERGENCE_LIMIT = Duration.ofMinutes(20);

  @Test
  void nDpuServicesOnMDpuClustersConvergeCloseToThePlainWrites() throws InterruptedException {
    List<Integer> sizes = ints(System.getProperty("dpf.bench.sizes", "100,250,500,1000"));
    List<Integer> clusterCounts = ints(System.getProperty("dpf.bench.clusters", "2,4"));
    BenchReport.Section report = BenchReport.section("DPUService convergence (N DPUServices x M DPU clusters, no Argo CD)");
    Map<String, Map<Double, Double>> manager = new LinkedHashMap<>();
    Map<String, Map<Double, Double>> plain = new LinkedHashMap<>();
    for (int m : clusterCounts) {
      for (int n : sizes) {
        Point point = measure(n, m);
        String at = "N=" + n + " M=" + m;
        report.figure(at + ": manager, all Applications right", point.managerSeconds, "s")
            .figure(at + ": plain server-side apply, same Applications", point.plainSeconds, "s")
            .figure(at + ": ratio manager / plain", point.managerSeconds / point.plainSeconds, "x")
            .figure(at + ": manager writes until converged (minimum N*M)", point.writes, "writes")
            .figure(at + ": manager reads until quiet (host and DPU clusters)", point.reads, "reads")
            .figure(at + ": manager reads per DPUService", (double) point.reads / n, "reads")
            .figure(at + ": manager JVM CPU to converge", point.cpuSeconds, "s");
        report.figure(at + ": DPUService reconciles until quiet", point.reconciles, "reconciles")
            .figure(at + ": mean DPUService reconcile", point.reconcileSeconds * 1000 / Math.max(1, point.reconciles), "ms");
        // Where the reads went: what a cache does not answer yet.
        point.readProfile.entrySet().stream().limit(8)
            .forEach(read -> report.figure(at + ": reads " + read.getKey(), read.getValue(), "reads"));
        manager.computeIfAbsent("manager M=" + m, k -> new TreeMap<>()).put((double) n, point.managerSeconds);
        plain.computeIfAbsent("plain SSA M=" + m, k -> new TreeMap<>()).put((double) n, point.plainSeconds);
      }
    }
    Map<String, Map<Double, Double>> lines = new LinkedHashMap<>(manager);
    lines.putAll(plain);
    report.chart("dpuservice-convergence", "DPUServices (N)", "seconds until all Applications are right", lines)
        .note("CPU is the test JVM's process CPU (the manager runs in it; the test's polling is one LIST per second). "
            + "Reads are the manager's GETs and LISTs (host and DPU clusters), not watches, from the first create until 10 s "
            + "without a read.")
        .write();
  }

  private record Point(double managerSeconds, double plainSeconds, int writes, int reads, double cpuSeconds,
      Map<String, Long> readProfile, double reconciles, double reconcileSeconds) {}

  private static Point measure(int services, int clusterCount) throws InterruptedException {
    WriteCounter writes = new WriteCounter();
    List<LocalControlPlane> clusters = new ArrayList<>();
    LocalControlPlane host = null;
    Manager running = null;
    try {
      host = LocalControlPlane.startApiServerOnly("convergence-host");
      DpuServiceFixture.prepareHost(host);
      for (int i = 0; i < clusterCount; i++) {
        LocalControlPlane dpu = LocalControlPlane.startApiServerOnly("convergence-dpu-" + i);
        clusters.add(dpu);
        DpuServiceFixture.registerDpuCluster(host, "dpu-" + i, dpu);
      }
      DpuServiceFixture.installChartRbac(host);
      running = DpuServiceFixture.startManager(host, writes);
      KubernetesClient client = host.client();
      DpuServiceFixture.namespace(client, "measured");
      DpuServiceFixture.namespace(client, "baseline");

      long cpuBefore = processCpuNanos();
      int writesBefore = writes.count();
      int readsBefore = writes.readCount();
      long started = System.nanoTime();
      List<DPUService> created = new ArrayList<>();
      for (int i = 0; i < services; i++) {
        created.add(client.resource(DpuServiceFixture.dpuService(client, "measured", "m-" + i)).create());
      }
      Map<String, Application> desired = desired(created, clusterCount);
      await().atMost(CONVERGENCE_LIMIT).pollInterval(Duration.ofSeconds(1)).until(() -> allRight(client, desired));
      double managerSeconds = (System.nanoTime() - started) / 1e9;
      int converged = writes.count() - writesBefore;
      double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
      int reads = readsUntilQuiet(writes) - readsBefore;
      Map<String, Long> readProfile = ReadProfile.of(writes.readsSince(readsBefore));
      String metrics = metrics(running);

      // The same number of Applications, written by one plain client with server-side apply.
      List<DPUService> baseline = new ArrayList<>();
      for (int i = 0; i < services; i++) {
        DPUService service = DpuServiceFixture.dpuService(client, "baseline", "b-" + i);
        service.getMetadata().setUid("baseline-" + i);
        baseline.add(service);
      }
      long plainStarted = System.nanoTime();
      for (Application application : desired(baseline, clusterCount).values()) {
        client.resource(application).fieldManager("plain-baseline").forceConflicts().serverSideApply();
      }
      double plainSeconds = (System.nanoTime() - plainStarted) / 1e9;
      System.out.printf("[progress] N=%d M=%d: manager %.1f s, plain %.1f s%n", services, clusterCount,
          managerSeconds, plainSeconds);
      return new Point(managerSeconds, plainSeconds, converged, reads, cpuSeconds, readProfile,
          sum(metrics, "dpf_controller_reconcile_total{controller=\"dpuservice\""),
          sum(metrics, "dpf_controller_reconcile_duration_seconds_sum{controller=\"dpuservice\""));
    } finally {
      DpuServiceFixture.closeAll(running, clusters.toArray(new LocalControlPlane[0]));
      if (host != null) {
        host.close();
      }
    }
  }

  /** Application name → what the manager renders for it (interfaces none, so no networks). */
  private static Map<String, Application> desired(List<DPUService> services, int clusterCount) {
    Map<String, Application> desired = new LinkedHashMap<>();
    for (DPUService service : services) {
      for (int i = 0; i < clusterCount; i++) {
        Application app = DpuServiceApplications.application(service, ArgoCdTarget.dpuCluster("dpu-" + i),
            DpuServiceFixture.ARGOCD_NAMESPACE, null);
        desired.put(app.getMetadata().getName(), app);
      }
    }
    return desired;
  }

  private static boolean allRight(KubernetesClient client, Map<String, Application> desired) {
    List<Application> live = client.resources(Application.class).inNamespace(DpuServiceFixture.ARGOCD_NAMESPACE)
        .withLabel(LabelKeys.DPU_SERVICE_NAMESPACE, "measured").list().getItems();
    long right = live.stream().filter(app -> {
      Application wanted = desired.get(app.getMetadata().getName());
      // As trees: the API server keeps the values' keys in an order of its own.
      return wanted != null && tree(client, wanted.getSpec()).equals(tree(client, app.getSpec()));
    }).count();
    return right == desired.size();
  }

  private static JsonNode tree(KubernetesClient client, Object spec) {
    return client.getKubernetesSerialization().convertValue(spec, JsonNode.class);
  }

  /** Waits until the manager made no read for 10 s; returns its read count then. */
  private static int readsUntilQuiet(WriteCounter writes) {
    int[] last = {-1};
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(10)).until(() -> {
      int now = writes.readCount();
      boolean quiet = now == last[0];
      last[0] = now;
      return quiet;
    });
    return last[0];
  }

  private static String metrics(Manager manager) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + manager.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("the manager's /metrics did not answer", e);
    }
  }

  /** The sum of the Prometheus samples whose line starts with {@code prefix}. */
  private static double sum(String metrics, String prefix) {
    return metrics.lines().filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static List<Integer> ints(String csv) {
    List<Integer> values = Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    assertThat(values).isNotEmpty();
    return values;
  }
}
