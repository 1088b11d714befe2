package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.OperatingSystemMXBean;
import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.BFBPhase;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategyType;
import io.dpf.api.provisioning.v1alpha1.InstallInterface;
import io.dpf.provisioning.ManagerFixture;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.bfb.BfbFileServer;
import io.dpf.provisioning.dpuset.DpuSets;
import io.dpf.provisioning.redfish.BlueFieldBmcSimulator;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.dpf.testkit.bench.BenchReport;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, provisioning at scale: one DPUSet over N hosts (500, {@code -Ddpf.bench.dpus=N}), each
 * DPU behind a BlueField BMC SIMULATOR of its own, walks the phases to Ready on a real control plane
 * (KWOK nodes) with the provisioning manager in this JVM on its production timings. A DPU "boots"
 * when this test registers a KWOK node named after it in the DPU cluster (the host cluster itself)
 * once it reached DPU Cluster Config, as the ITs do. The BFB is 64 KiB: this is about the control
 * path, not streaming. Figures: wall time from the DPUSet's creation until every DPU is Ready, the
 * manager's API writes per DPU (by kind) and reads until quiet, the DPU controller's reconcile
 * durations (its own Micrometer timer, with percentiles switched on for the run), time per phase,
 * and CPU. Asserts only that every DPU gets Ready. {@code mvn -B verify -Pbench -pl
 * provisioning-manager -am -Dtest=none -Dit.test=DpuProvisioningScaleBenchmark -Ddpf.bench.dpus=50}.
 */
@EnabledIfSystemProperty(named = "dpf.bench", matches = "true")
class DpuProvisioningScaleBenchmark {

  static final String NS = "dpf-scale";
  static final String SET = "scale";
  static final String BFB_NAME = "doca-2.9";
  static final String FLAVOR = "dpf-provisioning-hbn-ovn";
  static final String PCI = "0000-4b-00";
  static final String SET_LABEL = "bench.dpf.io/set";
  static final String RECONCILE_TIMER = "dpf.controller.reconcile.duration";
  /** No write for this long after the last DPU got Ready is quiet: longer than the manager's 5 s polls. */
  static final Duration QUIET = Duration.ofSeconds(15);
  static final List<DPUPhase> WALK = List.of(DPUPhase.NODE_EFFECT, DPUPhase.PENDING, DPUPhase.OS_INSTALLING,
      DPUPhase.REBOOTING, DPUPhase.DPU_CLUSTER_CONFIG, DPUPhase.READY);

  @TempDir
  Path bfbDir;

  @Test
  void everyDpuOfALargeSetWalksThePhasesToReady() throws Exception {
    int count = Integer.getInteger("dpf.bench.dpus", 500);
    Duration limit = Duration.ofMinutes(Long.getLong("dpf.bench.minutes", 45));
    CertificateAuthority bmcCa = CertificateAuthority.create("bmc-ca");
    List<BlueFieldBmcSimulator> bmcs = new ArrayList<>();
    ExecutorService boots = Executors.newSingleThreadExecutor();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    PrometheusMeterRegistry registry = registryWithPercentiles();
    WriteCounter requests = new WriteCounter();
    try (LocalControlPlane cluster = LocalControlPlane.start("prov-scale");
        BfbFileServer bfbServer = BfbFileServer.serving(64 * 1024)) {
      KubernetesClient client = cluster.client();
      ManagerFixture.prepare(cluster, NS);
      ProvisioningWorld.dpuClusterOnItself(cluster, NS, count);
      ProvisioningWorld.bfb(client, NS, BFB_NAME, bfbServer.url("bf-bundle-2.9.bfb"));
      ProvisioningWorld.flavor(client, NS, FLAVOR);
      ProvisioningWorld.bmcCredentials(client, NS, "bmc-credentials", BlueFieldBmcSimulator.USER, "bmc-password",
          bmcCa.certificatePem());

      long bmcsStarted = System.nanoTime();
      bmcs.addAll(BlueFieldBmcSimulator.startMany(bmcCa, "bmc-password", addresses(count), 0));
      double bmcSeconds = seconds(System.nanoTime() - bmcsStarted);
      int threadsWithBmcs = ManagementFactory.getThreadMXBean().getThreadCount();
      long hostsStarted = System.nanoTime();
      for (int i = 0; i < count; i++) {
        Map<String, String> labels = new HashMap<>(DpuSets.hostNode("x", "10.0.0.1", PCI).getMetadata().getLabels());
        labels.put(SET_LABEL, SET);
        labels.put(LabelKeys.dpuBmcIpFeature(0), bmcs.get(i).ip());
        cluster.addNode(host(i), labels);
      }
      double hostSeconds = seconds(System.nanoTime() - hostsStarted);

      PhaseTimeline timeline = new PhaseTimeline(dpu -> boots.submit(() -> boot(cluster, dpu)));
      SharedIndexInformer<DPU> watch = client.resources(DPU.class).inNamespace(NS).inform(timeline);
      ProvisioningSettings settings = ProvisioningSettings.defaults().withBfbDir(bfbDir).withImageServer(0, null);
      try (ManagerFixture manager = ManagerFixture.start(cluster, settings, requests,
          binder -> binder.bind(PrometheusMeterRegistry.class).toInstance(registry))) {
        // The BFB and the DPU cluster are there before the DPUs, as in a running system.
        await().atMost(Duration.ofMinutes(5)).until(() -> bfbReady(client) && dpuClusterReady(client));
        AtomicLong maxQueue = new AtomicLong();
        long started = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> sample(registry, timeline, count, started, maxQueue), 1, 1, TimeUnit.SECONDS);
        long cpuBefore = processCpuNanos();
        double controlPlaneCpuBefore = cpuSeconds(cluster.pids());
        int writesBefore = requests.count();
        int readsBefore = requests.readCount();

        client.resource(dpuSet(bmcs.get(0).port())).create();
        await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> timeline.readyCount() == count);
        long allReady = Collections.max(timeline.readyTimes());
        double cpuSeconds = seconds(processCpuNanos() - cpuBefore);
        double controlPlaneCpu = cpuSeconds(cluster.pids()) - controlPlaneCpuBefore;
        int writesUntilReady = requests.count() - writesBefore;
        int readsUntilReady = requests.readCount() - readsBefore;
        Map<String, Snapshot> reconciles = reconcileSnapshots(registry);
        int[] quiet = awaitQuiet(requests);
        List<String> writes = requests.since(writesBefore).subList(0, quiet[0] - writesBefore);
        List<String> reads = requests.readsSince(readsBefore).subList(0, quiet[1] - readsBefore);
        sampler.shutdownNow();

        BenchReport.Section report = BenchReport.section("DPU provisioning at scale (N=" + count + " DPUs of one DPUSet, "
            + "simulated BMCs)");
        double wall = seconds(allReady - started);
        report.figure("BMC simulators started in this JVM", count, "BMCs")
            .figure("time to start them (one certificate for all)", bmcSeconds, "s")
            .figure("JVM threads with the BMCs started", threadsWithBmcs, "threads")
            .figure("time to register the host nodes", hostSeconds, "s")
            .figure("wall time, DPUSet created -> all DPUs Ready", wall, "s")
            .figure("first DPU Ready", seconds(Collections.min(timeline.readyTimes()) - started), "s")
            .figure("half of the DPUs Ready", seconds(percentile(timeline.readyTimes(), 0.5) - started), "s")
            .figure("DPUs Ready per second (N / wall time)", count / wall, "DPU/s");
        for (DPUPhase phase : WALK) {
          List<Long> durations = timeline.sinceCreation(phase);
          report.figure("DPU created -> " + phase.value() + " p50", seconds(percentile(durations, 0.5)), "s")
              .figure("DPU created -> " + phase.value() + " p90", seconds(percentile(durations, 0.9)), "s");
        }
        report.figure("manager writes until all Ready", writesUntilReady, "writes")
            .figure("manager writes until quiet", writes.size(), "writes")
            .figure("manager writes per DPU", (double) writes.size() / count, "writes");
        byKind(writes).forEach((kind, n) -> report.figure("writes per DPU: " + kind, (double) n / count, "writes"));
        report.figure("manager reads until all Ready", readsUntilReady, "reads")
            .figure("manager reads until quiet", reads.size(), "reads")
            .figure("manager reads per DPU", (double) reads.size() / count, "reads");
        byKind(reads).forEach((kind, n) -> report.figure("reads per DPU: " + kind, (double) n / count, "reads"));
        reconciles.forEach((controller, s) -> {
          report.figure(controller + " reconciles until all Ready", s.count(), "reconciles");
          if (controller.equals("dpu")) {
            report.figure("dpu reconciles per DPU", (double) s.count() / count, "reconciles");
            s.percentiles().forEach((p, ms) -> report.figure("dpu reconcile duration p" + p, ms, "ms"));
          }
          report.figure(controller + " reconcile duration max", s.maxMillis(), "ms")
              .figure(controller + " reconcile duration mean", s.meanMillis(), "ms");
        });
        report.figure("dpu work queue depth, most seen (sampled each second)", maxQueue.get(), "keys")
            .figure("test JVM CPU, DPUSet created -> all Ready (manager, BMCs, test)", cpuSeconds, "s")
            .figure("test JVM CPU per DPU", cpuSeconds / count, "s")
            .figure("control plane CPU (etcd, kube-apiserver, controllers, kwok) meanwhile", controlPlaneCpu, "s")
            .chart("dpu-provisioning-scale-" + count, "seconds since the DPUSet was created", "DPUs",
                progressLines(timeline, started))
            .note("Production timings (progress and install polls every 5 s, Ready rechecked every 30 s), "
                + "16 DPU reconcile workers, 2 for each other controller. Requests are the manager's to the host "
                + "cluster; its client of the DPU cluster "
                + "(here the same API server: a Node GET per DPU Cluster Config poll and Ready recheck, one label edit per "
                + "DPU) is a client of its own and not counted. Reconcile durations are the DPU controller's own timer "
                + "(dpf_controller_reconcile_duration_seconds) with client-side percentiles over the whole run. "
                + "\"Quiet\": no manager write for " + QUIET.toSeconds() + " s after the last DPU got Ready; "
                + "load average at the end: " + loadAverage() + ".")
            .write();
        watch.close();
      }
    } finally {
      sampler.shutdownNow();
      boots.shutdownNow();
      bmcs.forEach(BlueFieldBmcSimulator::close);
    }
  }

  // --- the world ----------------------------------------------------------------------------

  static String host(int i) {
    return String.format("scale-%04d", i);
  }

  /** One loopback address per BMC, from 127.0.1.2 on (127.0.0.x is where the other tests put theirs). */
  static List<String> addresses(int count) {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      addresses.add("127.0." + (1 + i / 250) + "." + (2 + i % 250));
    }
    return addresses;
  }

  static DPUSet dpuSet(int bmcPort) {
    DPUSet set = DpuSets.set(NS, SET, BFB_NAME, FLAVOR, DPUSetStrategyType.ROLLING_UPDATE);
    set.getMetadata().setUid(null);
    set.getSpec().setNodeSelector(new LabelSelectorBuilder().addToMatchLabels(SET_LABEL, SET).build());
    var template = set.getSpec().getDpuTemplate().getSpec();
    template.setInstallInterface(InstallInterface.REDFISH);
    template.setBmcCredentialsSecret("bmc-credentials");
    template.setBmcPort(bmcPort);
    return set;
  }

  /** The DPU booted its new OS and joins its DPU cluster: its node appears there (KWOK keeps it Ready). */
  static void boot(LocalControlPlane cluster, String dpu) {
    try {
      cluster.addNode(dpu, Map.of());
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        System.err.println("DPU boot stand-in: " + dpu + ": " + e.getMessage());
      }
    }
  }

  static boolean bfbReady(KubernetesClient client) {
    BFB bfb = client.resources(BFB.class).inNamespace(NS).withName(BFB_NAME).get();
    return bfb != null && bfb.getStatus() != null && bfb.getStatus().getPhase() == BFBPhase.READY;
  }

  static boolean dpuClusterReady(KubernetesClient client) {
    DPUCluster cluster = client.resources(DPUCluster.class).inNamespace(NS).withName(ProvisioningWorld.DPU_CLUSTER).get();
    return cluster != null && cluster.getStatus() != null && cluster.getStatus().getPhase() == DPUClusterPhase.READY;
  }

  // --- measuring ----------------------------------------------------------------------------

  /** The manager's registry, with percentiles on its reconcile timers kept over the whole run (2 h, one window). */
  static PrometheusMeterRegistry registryWithPercentiles() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(RECONCILE_TIMER)) {
          return config;
        }
        return DistributionStatisticConfig.builder().percentiles(0.5, 0.9, 0.99).percentilePrecision(2)
            .expiry(Duration.ofHours(2)).bufferLength(1).build().merge(config);
      }
    });
    return registry;
  }

  /** A controller's reconciles: count, percentiles (label → ms), max and mean. */
  record Snapshot(long count, Map<String, Double> percentiles, double maxMillis, double meanMillis) {}

  static Map<String, Snapshot> reconcileSnapshots(PrometheusMeterRegistry registry) {
    Map<String, Snapshot> snapshots = new TreeMap<>();
    for (Timer timer : registry.find(RECONCILE_TIMER).timers()) {
      HistogramSnapshot snapshot = timer.takeSnapshot();
      Map<String, Double> percentiles = new LinkedHashMap<>();
      for (ValueAtPercentile value : snapshot.percentileValues()) {
        percentiles.put(String.valueOf(Math.round(value.percentile() * 100)), value.value(TimeUnit.MILLISECONDS));
      }
      snapshots.put(timer.getId().getTag("controller"), new Snapshot(snapshot.count(), percentiles,
          snapshot.max(TimeUnit.MILLISECONDS), snapshot.mean(TimeUnit.MILLISECONDS)));
    }
    return snapshots;
  }

  static void sample(PrometheusMeterRegistry registry, PhaseTimeline timeline, int count, long started, AtomicLong maxQueue) {
    Gauge depth = registry.find("dpf.controller.workqueue.depth").tag("controller", "dpu").gauge();
    if (depth != null) {
      maxQueue.accumulateAndGet((long) depth.value(), Math::max);
    }
    long elapsed = Math.round(seconds(System.nanoTime() - started));
    if (elapsed % 30 == 0) {
      double reconciles = registry.find("dpf.controller.reconcile").tag("controller", "dpu").counters().stream()
          .mapToDouble(Counter::count).sum();
      System.out.printf("[progress] %d s: %d/%d DPUs Ready, %d in OS Installing or later, %.0f DPU reconciles, queue %s%n",
          elapsed, timeline.readyCount(), count, timeline.reached(DPUPhase.OS_INSTALLING), reconciles,
          depth == null ? "?" : String.valueOf((long) depth.value()));
    }
  }

  /** Waits until the manager wrote nothing for {@link #QUIET}; returns the write and read counts at its last write. */
  static int[] awaitQuiet(WriteCounter requests) {
    int[] last = {requests.count(), requests.readCount()};
    long[] lastChange = {System.nanoTime()};
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
      int writes = requests.count();
      if (writes != last[0]) {
        last[0] = writes;
        last[1] = requests.readCount();
        lastChange[0] = System.nanoTime();
      }
      return System.nanoTime() - lastChange[0] > QUIET.toNanos();
    });
    return last;
  }

  /** Requests by verb and resource ({@code PATCH dpus/status}, {@code LIST dpus}), most first. */
  static Map<String, Long> byKind(List<String> requests) {
    Map<String, Long> counts = requests.stream().collect(Collectors.groupingBy(DpuProvisioningScaleBenchmark::kindOf,
        TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }

  /** "PATCH /apis/g/v/namespaces/ns/dpus/x/status" → "PATCH dpus/status"; a GET without a name is a LIST. */
  static String kindOf(String request) {
    String[] words = request.split(" ", 2);
    String path = words[1].split("\\?")[0];
    List<String> parts = List.of(path.replaceFirst("^/", "").split("/"));
    List<String> rest = parts.subList(Math.min(parts.size(), path.startsWith("/api/") ? 2 : 3), parts.size());
    if (rest.size() > 2 && rest.get(0).equals("namespaces")) {
      rest = rest.subList(2, rest.size());
    }
    String resource = rest.isEmpty() ? path : rest.get(0);
    String verb = words[0].equals("GET") && rest.size() < 2 ? "LIST" : words[0];
    return verb + " " + resource + (rest.size() > 2 ? "/" + rest.get(2) : "");
  }

  /** DPUs created, in OS Installing, in DPU Cluster Config and Ready, against seconds since the DPUSet was made. */
  static Map<String, Map<Double, Double>> progressLines(PhaseTimeline timeline, long started) {
    Map<String, Map<Double, Double>> lines = new LinkedHashMap<>();
    lines.put("created", cumulative(timeline.createdTimes(), started));
    lines.put("OS Installing", cumulative(timeline.enteredTimes(DPUPhase.OS_INSTALLING), started));
    lines.put("DPU Cluster Config", cumulative(timeline.enteredTimes(DPUPhase.DPU_CLUSTER_CONFIG), started));
    lines.put("Ready", cumulative(timeline.readyTimes(), started));
    return lines;
  }

  static Map<Double, Double> cumulative(List<Long> times, long started) {
    List<Long> sorted = times.stream().sorted().toList();
    Map<Double, Double> line = new TreeMap<>();
    line.put(0.0, 0.0);
    for (int i = 0; i < sorted.size(); i++) {
      line.merge(seconds(sorted.get(i) - started), i + 1.0, Math::max);
    }
    return line;
  }

  static long percentile(List<Long> values, double p) {
    assertThat(values).as("values to take a percentile of").isNotEmpty();
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** utime + stime of each process ({@code /proc/<pid>/stat}, fields 14 and 15, in 1/100 s); a process gone counts 0. */
  static double cpuSeconds(List<Long> pids) {
    double total = 0;
    for (long pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
      } catch (IOException | RuntimeException gone) {
        // A watchdog that ended meanwhile has nothing more to add.
      }
    }
    return total;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+", 2)[0];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
