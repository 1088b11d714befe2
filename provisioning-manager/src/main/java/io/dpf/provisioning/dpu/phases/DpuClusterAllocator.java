package io.dpf.provisioning.dpu.phases;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.ResourceKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the DPU cluster for a DPU as DPF's allocator does: the first Ready DPUCluster by name (then
 * namespace) that still has room ({@code maxNodes}, 1000 when unset).
 *
 * <p>Places are counted from the shared DPU cache, indexed by assigned cluster, so an allocation
 * costs no request and no scan of every DPU (listing all DPUs from the API per allocation made 500
 * DPUs quadratic). The cache lags our own writes, so the assignments this process wrote that the cache
 * does not show yet are counted too: two workers allocating at once, or one right after the other,
 * would otherwise both take the last free place. One manager is the leader, so this process's own
 * writes are the only ones the cache can be missing.
 */
public final class DpuClusterAllocator {

  static final String BY_CLUSTER = "dpu-cluster";
  private static final int DEFAULT_MAX_NODES = 1000;

  private final KindCache<DPU> dpus;
  private final KindCache<DPUCluster> clusters;
  /** DPU → cluster this process assigned, until the DPU cache shows the assignment (or the DPU is gone). */
  private final Map<ResourceKey, ResourceKey> notYetCached = new HashMap<>();

  public DpuClusterAllocator(KindCache<DPU> dpus, KindCache<DPUCluster> clusters) {
    this.dpus = dpus.addIndex(BY_CLUSTER, dpu -> assignedCluster(dpu).map(c -> List.of(c.toString())).orElse(List.of()));
    this.clusters = clusters;
  }

  /** The cluster whose place is now held for {@code dpu}, or empty when no Ready cluster has room. */
  public synchronized Optional<DPUCluster> reserve(ResourceKey dpu) {
    notYetCached.entrySet().removeIf(entry -> caughtUp(entry.getKey()));
    notYetCached.remove(dpu);
    Map<ResourceKey, Long> pending = new HashMap<>();
    notYetCached.values().forEach(cluster -> pending.merge(cluster, 1L, Long::sum));
    Optional<DPUCluster> chosen = clusters.list().stream()
        .filter(c -> c.getStatus() != null && c.getStatus().getPhase() == DPUClusterPhase.READY)
        .filter(c -> taken(ResourceKey.of(c), pending) < maxNodes(c))
        .min(Comparator.comparing((DPUCluster c) -> c.getMetadata().getName())
            .thenComparing(c -> c.getMetadata().getNamespace()));
    chosen.ifPresent(c -> notYetCached.put(dpu, ResourceKey.of(c)));
    return chosen;
  }

  /** The assignment was not written: its place is free again. */
  public synchronized void release(ResourceKey dpu) {
    notYetCached.remove(dpu);
  }

  private long taken(ResourceKey cluster, Map<ResourceKey, Long> pending) {
    return dpus.byIndex(BY_CLUSTER, cluster.toString()).size() + pending.getOrDefault(cluster, 0L);
  }

  /** The cache shows the DPU with a cluster (the index counts it now), or the DPU is gone (its place is free). */
  private boolean caughtUp(ResourceKey dpu) {
    DPU cached = dpus.get(dpu);
    return cached == null || assignedCluster(cached).isPresent();
  }

  private static int maxNodes(DPUCluster cluster) {
    return Optional.ofNullable(cluster.getSpec().getMaxNodes()).orElse(DEFAULT_MAX_NODES);
  }

  /** A reference without a namespace means the DPU's own, as for every other reference of a DPU. */
  static Optional<ResourceKey> assignedCluster(DPU dpu) {
    DPUClusterReference reference = dpu.getSpec() == null ? null : dpu.getSpec().getCluster();
    if (reference == null || reference.getName() == null) {
      return Optional.empty();
    }
    String namespace = reference.getNamespace() != null ? reference.getNamespace() : dpu.getMetadata().getNamespace();
    return Optional.of(new ResourceKey(namespace, reference.getName()));
  }
}
