package io.dpf.e2e.images;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.testkit.ClusterOptions;
import io.dpf.testkit.Crds;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.EnvtestBinaries;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.bench.BenchReport;
import io.dpf.testkit.node.NodeOptions;
import io.dpf.testkit.node.RealNode;
import io.dpf.testkit.node.RealNodeSupport;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code mvn -B verify -Pbench -pl e2e -am -Dit.test=ManagerFootprintBenchmark}: issue 17's
 * footprint figures. The DPUService manager's image as a pod on a real kubelet node (512Mi limit,
 * as its chart sets), once per JVM setting: RSS idle and with {@code -Ddpf.bench.services} (default
 * 1,000) DPUServices on two DPU clusters (every Application written), CPU seconds to get there, and
 * start to Ready. Each setting gets fresh clusters, so none inherits another's objects. Asserts
 * nothing about the figures.
 */
class ManagerFootprintBenchmark {

  private static final String NS = "dpf-operator-system";
  private static final String MAIN = "io.dpf.dpuservice.DpuServiceManagerMain";

  /**
   * The settings compared: JAVA_TOOL_OPTIONS and environment. The JVM reads JAVA_TOOL_OPTIONS before
   * its command line, so a flag the image sets there (MaxRAMPercentage, TieredStopAtLevel) cannot be
   * changed this way: the heap is set with -Xmx, which wins over a percentage. C1 only was measured
   * against C1 and C2 before it went into the image (see the root pom).
   */
  private record Setting(String name, String javaToolOptions, Map<String, String> env, boolean profiled) {
    Setting(String name, String javaToolOptions, Map<String, String> env) {
      this(name, javaToolOptions, env, false);
    }
  }

  /** The lean settings together, on the collector with the least overhead of its own for a small heap. */
  private static final String LEAN = "-XX:+UseSerialGC -Xmx96m -Xss512k -XX:ReservedCodeCacheSize=32m "
      + "-XX:MaxMetaspaceSize=96m";

  private static final List<Setting> SETTINGS = List.of(
      new Setting("image defaults (C1 only, MaxRAMPercentage=75)", "", Map.of()),
      new Setting("two malloc arenas (MALLOC_ARENA_MAX=2)", "", Map.of("MALLOC_ARENA_MAX", "2")),
      new Setting("small heap (-Xmx128m, a quarter of the limit)", "-Xmx128m", Map.of()),
      new Setting("small stacks and code cache", "-Xss512k -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m",
          Map.of()),
      new Setting("all of the above", "-Xmx128m -Xss512k "
          + "-XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m", Map.of("MALLOC_ARENA_MAX", "2")),
      new Setting("Serial GC, 96 MiB heap, small stacks and code cache, two arenas", LEAN,
          Map.of("MALLOC_ARENA_MAX", "2")),
      // Native memory tracking costs a little memory itself: its own row, read for where the rest goes.
      new Setting("the same with a 64 MiB heap (the live set is about 40 MiB)",
          LEAN.replace("-Xmx96m", "-Xmx64m"), Map.of("MALLOC_ARENA_MAX", "2")),
      new Setting("the same, profiled (NativeMemoryTracking=summary)", LEAN + " -XX:NativeMemoryTracking=summary",
          Map.of("MALLOC_ARENA_MAX", "2"), true));

  /** {@code -Ddpf.bench.footprint.settings=0,5,6}: which of {@link #SETTINGS} to run (all by default). */
  private static List<Setting> selected() {
    String chosen = System.getProperty("dpf.bench.footprint.settings", "");
    return chosen.isBlank() ? SETTINGS
        : Arrays.stream(chosen.split(",")).map(String::trim).map(Integer::parseInt).map(SETTINGS::get).toList();
  }

  @Test
  void dpuServiceManagerFootprintPerJvmSetting() throws InterruptedException {
    String unavailable = RealNodeSupport.unavailableReason();
    assumeTrue(unavailable == null, () -> "skipped: " + unavailable);
    int services = Integer.getInteger("dpf.bench.services", 1000);
    ManagerImage image = ManagerImage.of("dpuservice-manager", MAIN);
    BenchReport.Section report = BenchReport.section("DPUService manager footprint in its container (" + services
        + " DPUServices x 2 DPU clusters)");
    for (Setting setting : selected()) {
      measure(image, setting, services, report);
    }
    report.note("512Mi memory limit, 50m CPU request, on a real kubelet node; RSS is VmRSS of the container's "
        + "JVM. Idle: 20 s after Ready with nothing to do. Loaded: 20 s after every Application exists.").write();
  }

  private static void measure(ManagerImage image, Setting setting, int services, BenchReport.Section report)
      throws InterruptedException {
    List<LocalControlPlane> dpus = new ArrayList<>();
    try (LocalControlPlane host = LocalControlPlane.start("footprint",
        ClusterOptions.full().withRealNode(NodeOptions.named("footprint-node")))) {
      KubernetesClient client = host.client();
      RealNode node = host.realNode().orElseThrow();
      prepare(client);
      for (int i = 0; i < 2; i++) {
        LocalControlPlane dpu = LocalControlPlane.start("footprint-dpu-" + i, ClusterOptions.onlyApiServer().reachable());
        dpus.add(dpu);
        DpuClusters.register(host, "dpu-cplane-dpu-" + i, "dpu-" + i, dpu.kubeconfigYaml());
        client.resource("""
            apiVersion: provisioning.dpu.nvidia.com/v1alpha1
            kind: DPUCluster
            metadata: {name: dpu-%d, namespace: dpu-cplane-dpu-%d}
            spec: {type: static, version: v1.31.0, kubeconfig: %s}
            """.formatted(i, i, DpuClusters.secretName("dpu-" + i))).serverSideApply();
      }
      node.loadImage(image.tar());
      Instant created = Instant.now();
      client.pods().inNamespace(NS).resource(pod(image, setting)).create();
      await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
          .until(() -> client.pods().inNamespace(NS).withName("manager").get(), ManagerFootprintBenchmark::ready);
      double readySeconds = Duration.between(created, Instant.now()).toMillis() / 1e3;
      long pid = node.containerPid(client.pods().inNamespace(NS).withName("manager").get().getStatus()
          .getContainerStatuses().get(0).getContainerID());
      Thread.sleep(Duration.ofSeconds(20).toMillis()); // a measurement window, not a wait for a result
      long idleRss = RealNode.residentKib(pid);
      double cpuBefore = cpuSeconds(pid);

      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("scale").endMetadata().build())
          .create();
      Instant started = Instant.now();
      for (int i = 0; i < services; i++) {
        client.resource("""
            apiVersion: svc.dpu.nvidia.com/v1alpha1
            kind: DPUService
            metadata: {name: svc-%d, namespace: scale}
            spec:
              serviceID: svc-%d
              helmChart:
                source: {repoURL: "oci://ghcr.io/nvidia/charts", chart: demo, version: "0.1.0"}
                values: {image: {tag: v1}}
            """.formatted(i, i)).create();
      }
      await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(2)).until(() ->
          client.resources(Application.class).inNamespace(NS).list().getItems().size() == 2 * services);
      double convergeSeconds = Duration.between(started, Instant.now()).toMillis() / 1e3;
      double cpu = cpuSeconds(pid) - cpuBefore;
      Thread.sleep(Duration.ofSeconds(20).toMillis()); // a measurement window, not a wait for a result
      long loadedRss = RealNode.residentKib(pid);
      if (setting.profiled()) {
        profile(pid, loadedRss, report);
      }
      report.figure(setting.name() + ": pod created -> Ready", readySeconds, "s")
          .figure(setting.name() + ": RSS idle", idleRss / 1024.0, "MiB")
          .figure(setting.name() + ": RSS with every Application written", loadedRss / 1024.0, "MiB")
          .figure(setting.name() + ": time until every Application exists", convergeSeconds, "s")
          .figure(setting.name() + ": CPU to get there", cpu, "s");
    } finally {
      dpus.forEach(LocalControlPlane::close);
    }
  }

  /** Where the loaded RSS goes: committed native memory by category, and the heap's biggest classes. */
  private static void profile(long pid, long rssKib, BenchReport.Section report) {
    Path dir = BenchReport.directory();
    Map<String, Long> committed = JvmProfile.nativeMemory(pid, dir.resolve("footprint-native-memory.txt"));
    committed.forEach((category, kib) -> report.figure("profiled, loaded: NMT committed " + category, kib / 1024.0,
        "MiB"));
    long tracked = committed.values().stream().mapToLong(Long::longValue).sum();
    report.figure("profiled, loaded: RSS not committed by the JVM's tracked categories (libraries, malloc slack)",
        (rssKib - tracked) / 1024.0, "MiB");
    JvmProfile.Histogram heap = JvmProfile.heapHistogram(pid, 12, dir.resolve("footprint-heap-histogram.txt"));
    report.figure("profiled, loaded: live heap after a full GC", heap.liveBytes() / 1024.0 / 1024.0, "MiB")
        .figure("profiled, loaded: live objects", heap.instances(), "objects")
        .note("Heap histogram after a full GC, top classes (rank, instances, bytes, class):\n\n    "
            + String.join("\n    ", heap.top()));
  }

  private static void prepare(KubernetesClient client) {
    Crds.install(client, Crds.load(EnvtestBinaries.repositoryRoot().resolve("dpf-api/target/classes/META-INF/fabric8")));
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    client.resource("""
        apiVersion: operator.dpu.nvidia.com/v1alpha1
        kind: DPFOperatorConfig
        metadata: {name: dpfoperatorconfig, namespace: dpf-operator-system}
        spec:
          provisioningConfiguration: {bfbPVCName: bfb-pvc}
        """).create();
    client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata().withName("manager")
        .endMetadata().build()).create();
    // The chart's RBAC is its ITs' business; here the JVM's footprint is measured.
    client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
        .withName("footprint-manager").endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin")
        .endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("manager").withNamespace(NS).endSubject().build()).create();
  }

  private static Pod pod(ManagerImage image, Setting setting) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("POD_NAMESPACE", NS, null));
    if (!setting.javaToolOptions().isEmpty()) {
      env.add(new EnvVar("JAVA_TOOL_OPTIONS", setting.javaToolOptions(), null));
    }
    setting.env().forEach((k, v) -> env.add(new EnvVar(k, v, null)));
    return new PodBuilder()
        .withNewMetadata().withName("manager").endMetadata()
        .withNewSpec()
          .withServiceAccountName("manager")
          .withNodeSelector(Map.of(NodeOptions.REAL_NODE_KEY, "true"))
          .addNewToleration().withKey(NodeOptions.REAL_NODE_KEY).withOperator("Exists").withEffect("NoSchedule")
          .endToleration()
          .withContainers(new ContainerBuilder()
              .withName("manager").withImage(image.reference()).withImagePullPolicy("Never").withEnv(env)
              .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("128Mi")))
                .withLimits(Map.of("memory", new Quantity("512Mi")))
              .endResources()
              .addNewPort().withName("http").withContainerPort(8081).endPort()
              .withNewReadinessProbe().withNewHttpGet().withPath("/readyz").withNewPort("http").endHttpGet()
              .withPeriodSeconds(1).endReadinessProbe()
              .build())
        .endSpec().build();
  }

  private static boolean ready(Pod p) {
    return p != null && p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions()
        .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }


  /** utime + stime of {@code /proc/<pid>/stat} (fields 14 and 15, in clock ticks of 1/100 s). */
  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException e) {
      throw new IllegalStateException("the manager's process " + pid + " is gone", e);
    }
  }
}
