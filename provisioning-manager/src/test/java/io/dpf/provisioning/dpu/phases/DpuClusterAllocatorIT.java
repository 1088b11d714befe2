package io.dpf.provisioning.dpu.phases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.ApiTypes;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.api.provisioning.v1alpha1.DPUClusterSpec;
import io.dpf.api.provisioning.v1alpha1.DPUClusterStatus;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Scope;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DPU cluster allocator on a real kube-apiserver and real informers: places are counted from the
 * DPU cache plus our own assignments the cache has not shown yet, so concurrent allocations, and
 * allocations right after a write, never overfill a cluster.
 */
class DpuClusterAllocatorIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static LocalControlPlane cluster;
  private static KubernetesClient client;
  private static InformerCache informers;
  private static KindCache<DPU> dpus;
  private static KindCache<DPUCluster> clusters;

  @BeforeAll
  static void start() {
    cluster = LocalControlPlane.startApiServerOnly("dpu-cluster-allocator-it");
    client = cluster.client();
    cluster.installCrds(ApiTypes.crds());
    informers = new InformerCache();
    dpus = informers.acquire(client, DPU.class, Scope.allNamespaces());
    clusters = informers.acquire(client, DPUCluster.class, Scope.allNamespaces());
    dpus.awaitSynced();
    clusters.awaitSynced();
  }

  @AfterAll
  static void stop() {
    if (informers != null) {
      informers.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** DPUClusters of every namespace are candidates: each test starts with none. */
  @AfterEach
  void deleteDpuClusters() {
    client.resources(DPUCluster.class).inAnyNamespace().delete();
    await().atMost(WAIT).until(() -> clusters.list().isEmpty());
  }

  @Test
  void concurrentAllocationsFillClustersInNameOrderAndNeverPastMaxNodes() throws Exception {
    String ns = namespace("fill");
    dpuCluster(ns, "a-small", 2, DPUClusterPhase.READY);
    dpuCluster(ns, "b-large", 3, DPUClusterPhase.READY);
    dpuCluster(ns, "0-not-ready", 10, DPUClusterPhase.CREATING);
    awaitReady(ns, 2);
    List<ResourceKey> keys = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      keys.add(dpu(ns, "dpu-" + i));
    }
    await().atMost(WAIT).until(() -> dpus.list(ns).size() == 7);
    DpuClusterAllocator allocator = new DpuClusterAllocator(dpus, clusters);

    // Eight workers at once, each writing its choice as Initializing does; the cache lags the writes.
    Map<ResourceKey, String> chosen = new ConcurrentHashMap<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService workers = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (ResourceKey key : keys) {
      done.add(workers.submit(() -> {
        go.await();
        allocator.reserve(key).ifPresent(c -> {
          assign(key, c);
          chosen.put(key, c.getMetadata().getName());
        });
        return null;
      }));
    }
    go.countDown();
    for (Future<?> future : done) {
      future.get();
    }
    workers.shutdown();

    assertThat(chosen.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a-small", 2L, "b-large", 3L));
    assertThat(chosen).hasSize(5);
    ResourceKey waiting = keys.stream().filter(k -> !chosen.containsKey(k)).findFirst().orElseThrow();
    assertThat(allocator.reserve(waiting)).as("no Ready cluster has room").isEmpty();

    // A DPU deleted frees its place once the cache shows it gone.
    ResourceKey leaving = chosen.entrySet().stream().filter(e -> e.getValue().equals("a-small")).findFirst()
        .orElseThrow().getKey();
    client.resources(DPU.class).inNamespace(ns).withName(leaving.name()).delete();
    await().atMost(WAIT).until(() -> dpus.get(leaving) == null);
    assertThat(allocator.reserve(waiting)).map(c -> c.getMetadata().getName()).hasValue("a-small");
  }

  @Test
  void aReleasedPlaceIsFreeAgainAndAReservationIsHeldUntilTheCacheShowsIt() {
    String ns = namespace("release");
    dpuCluster(ns, "only", 1, DPUClusterPhase.READY);
    awaitReady(ns, 1);
    ResourceKey first = dpu(ns, "first");
    ResourceKey second = dpu(ns, "second");
    await().atMost(WAIT).until(() -> dpus.list(ns).size() == 2);
    DpuClusterAllocator allocator = new DpuClusterAllocator(dpus, clusters);

    assertThat(allocator.reserve(first)).isPresent();
    assertThat(allocator.reserve(second)).as("the one place is held for the first DPU, not yet written").isEmpty();
    allocator.release(first);
    Optional<DPUCluster> taken = allocator.reserve(second);
    assertThat(taken).isPresent();
    // Written, and the reservation still counts before and after the cache shows the write.
    assign(second, taken.get());
    assertThat(allocator.reserve(first)).isEmpty();
    await().atMost(WAIT).until(() -> DpuClusterAllocator.assignedCluster(dpus.get(second)).isPresent());
    assertThat(allocator.reserve(first)).isEmpty();
  }

  private static String namespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }

  private static void dpuCluster(String ns, String name, int maxNodes, DPUClusterPhase phase) {
    DPUCluster dpuCluster = new DPUCluster();
    dpuCluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    DPUClusterSpec spec = new DPUClusterSpec();
    spec.setType("static");
    spec.setMaxNodes(maxNodes);
    spec.setVersion("v1.31.0");
    spec.setKubeconfig(name + "-admin-kubeconfig");
    dpuCluster.setSpec(spec);
    DPUCluster created = client.resource(dpuCluster).create();
    DPUClusterStatus status = new DPUClusterStatus();
    status.setPhase(phase);
    created.setStatus(status);
    client.resource(created).updateStatus();
  }

  private static void awaitReady(String ns, int count) {
    await().atMost(WAIT).until(() -> clusters.list(ns).stream()
        .filter(c -> c.getStatus() != null && c.getStatus().getPhase() == DPUClusterPhase.READY).count() == count);
  }

  private static ResourceKey dpu(String ns, String name) {
    DPU dpu = new DPU();
    dpu.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
    DPUSpec spec = new DPUSpec();
    spec.setNodeName("worker-" + name);
    spec.setBfb("bfb");
    spec.setDpuFlavor("flavor");
    dpu.setSpec(spec);
    client.resource(dpu).create();
    return new ResourceKey(ns, name);
  }

  private static void assign(ResourceKey key, DPUCluster chosen) {
    client.resources(DPU.class).inNamespace(key.namespace()).withName(key.name()).edit(dpu -> {
      DPUClusterReference reference = new DPUClusterReference();
      reference.setName(chosen.getMetadata().getName());
      reference.setNamespace(chosen.getMetadata().getNamespace());
      dpu.getSpec().setCluster(reference);
      return dpu;
    });
  }
}
