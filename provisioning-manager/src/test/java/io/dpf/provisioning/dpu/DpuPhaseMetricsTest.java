package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DpuPhaseMetricsTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final AtomicReference<Optional<? extends Collection<DPU>>> cache = new AtomicReference<>(Optional.empty());

  @Test
  void countsTheDpusOfEachPhaseAsTheCacheHoldsThemNow() {
    DpuPhaseMetrics.bindTo(registry, cache::get);
    List<DPU> dpus = new ArrayList<>(List.of(dpu(DPUPhase.READY), dpu(DPUPhase.READY), dpu(DPUPhase.ERROR), dpu(null)));
    cache.set(Optional.of(dpus));

    assertThat(gauge(DPUPhase.READY)).isEqualTo(2);
    assertThat(gauge(DPUPhase.ERROR)).isEqualTo(1);
    assertThat(gauge(DPUPhase.INITIALIZING)).as("a DPU without status yet").isEqualTo(1);
    assertThat(gauge(DPUPhase.OS_INSTALLING)).isZero();

    dpus.remove(0);
    assertThat(gauge(DPUPhase.READY)).as("after a deletion").isEqualTo(1);
  }

  @Test
  void isUnknownUntilTheCacheHasSynced() {
    DpuPhaseMetrics.bindTo(registry, cache::get);

    assertThat(gauge(DPUPhase.READY)).isNaN();
  }

  private double gauge(DPUPhase phase) {
    return registry.get(DpuPhaseMetrics.NAME).tag("phase", phase.value()).gauge().value();
  }

  private static DPU dpu(DPUPhase phase) {
    DPU dpu = new DPU();
    if (phase != null) {
      dpu.setStatus(new DPUStatus());
      dpu.getStatus().setPhase(phase);
    }
    return dpu;
  }
}
