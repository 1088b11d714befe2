package io.dpf.provisioning.dpu;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code dpf_provisioning_dpus{phase}}: how many DPUs are in each phase, counted from the DPU
 * controller's informer cache at every scrape. Counting what the API holds (rather than keeping
 * counts as the reconciler moves DPUs) stays right across manager restarts, fail-overs, deletions
 * and phase changes made by anyone; every replica reports the same figures, so aggregate with max,
 * not sum. Until the cache has synced the gauges read NaN: unknown, not zero.
 */
public final class DpuPhaseMetrics {

  public static final String NAME = "dpf.provisioning.dpus";

  private DpuPhaseMetrics() {}

  /** One gauge per phase, zero included, so a phase that empties shows 0 rather than vanishing. */
  public static void bindTo(MeterRegistry registry, Controller<DPU> dpuController) {
    bindTo(registry, () -> cached(dpuController));
  }

  static void bindTo(MeterRegistry registry, Supplier<Optional<? extends Collection<DPU>>> dpus) {
    for (DPUPhase phase : DPUPhase.values()) {
      Gauge.builder(NAME, () -> dpus.get().map(all -> (Number) count(all).getOrDefault(phase, 0L)).orElse(Double.NaN))
          .description("DPUs per phase, from the DPU informer cache")
          .tag("phase", phase.value())
          .register(registry);
    }
  }

  /** DPUs by phase; one without a status yet is Initializing, as the reconciler treats it. */
  static Map<DPUPhase, Long> count(Collection<DPU> dpus) {
    Map<DPUPhase, Long> counts = new EnumMap<>(DPUPhase.class);
    for (DPU dpu : dpus) {
      DPUPhase phase = dpu.getStatus() == null || dpu.getStatus().getPhase() == null ? DPUPhase.INITIALIZING
          : dpu.getStatus().getPhase();
      counts.merge(phase, 1L, Long::sum);
    }
    return counts;
  }

  private static Optional<List<DPU>> cached(Controller<DPU> controller) {
    InformerSource<DPU> cache;
    try {
      cache = controller.primaryCache();
    } catch (IllegalStateException notStarted) {
      // /metrics answers before the controllers start.
      return Optional.empty();
    }
    return cache.hasSynced() ? Optional.of(cache.list()) : Optional.empty();
  }
}
