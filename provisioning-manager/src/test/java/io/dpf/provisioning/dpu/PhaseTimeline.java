package io.dpf.provisioning.dpu;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * When each DPU was first seen in each phase and Ready (phase Ready and its Ready condition True),
 * from an informer's events, in nanoseconds of {@link System#nanoTime}. A DPU seen in DPU Cluster
 * Config for the first time is handed to {@code booted} (the test joins it to its DPU cluster).
 */
final class PhaseTimeline implements ResourceEventHandler<DPU> {

  private final Consumer<String> booted;
  private final Map<String, Long> created = new ConcurrentHashMap<>();
  private final Map<String, Map<DPUPhase, Long>> entered = new ConcurrentHashMap<>();
  private final Map<String, Long> ready = new ConcurrentHashMap<>();

  PhaseTimeline(Consumer<String> booted) {
    this.booted = booted;
  }

  @Override
  public void onAdd(DPU dpu) {
    created.putIfAbsent(dpu.getMetadata().getName(), System.nanoTime());
    seen(dpu);
  }

  @Override
  public void onUpdate(DPU before, DPU dpu) {
    seen(dpu);
  }

  @Override
  public void onDelete(DPU dpu, boolean finalStateUnknown) {
    // The benchmark deletes nothing while it measures.
  }

  private void seen(DPU dpu) {
    if (dpu.getStatus() == null || dpu.getStatus().getPhase() == null) {
      return;
    }
    long now = System.nanoTime();
    String name = dpu.getMetadata().getName();
    DPUPhase phase = dpu.getStatus().getPhase();
    Map<DPUPhase, Long> phases = entered.computeIfAbsent(name, n -> new EnumMap<>(DPUPhase.class));
    boolean first;
    synchronized (phases) {
      first = phases.putIfAbsent(phase, now) == null;
    }
    if (first && phase == DPUPhase.DPU_CLUSTER_CONFIG) {
      booted.accept(name);
    }
    if (phase == DPUPhase.READY && Conditions.isTrue(dpu.getStatus(), ConditionTypes.READY)) {
      ready.putIfAbsent(name, now);
    }
  }

  int readyCount() {
    return ready.size();
  }

  /** How many DPUs have been seen in {@code phase} (or later) by now. */
  int reached(DPUPhase phase) {
    return (int) entered.values().stream().filter(phases -> {
      synchronized (phases) {
        return phases.containsKey(phase);
      }
    }).count();
  }

  List<Long> createdTimes() {
    return new ArrayList<>(created.values());
  }

  List<Long> readyTimes() {
    return new ArrayList<>(ready.values());
  }

  /** When each DPU was first seen in {@code phase}. */
  List<Long> enteredTimes(DPUPhase phase) {
    List<Long> times = new ArrayList<>();
    for (Map<DPUPhase, Long> phases : entered.values()) {
      synchronized (phases) {
        Long at = phases.get(phase);
        if (at != null) {
          times.add(at);
        }
      }
    }
    return times;
  }

  /** Per DPU, nanoseconds from its creation until it was first seen in {@code phase} (Ready: its Ready condition). */
  List<Long> sinceCreation(DPUPhase phase) {
    List<Long> durations = new ArrayList<>();
    created.forEach((name, at) -> {
      Long reachedAt = phase == DPUPhase.READY ? ready.get(name) : firstSeen(name, phase);
      if (reachedAt != null) {
        durations.add(reachedAt - at);
      }
    });
    return durations;
  }

  private Long firstSeen(String name, DPUPhase phase) {
    Map<DPUPhase, Long> phases = entered.get(name);
    if (phases == null) {
      return null;
    }
    synchronized (phases) {
      return phases.get(phase);
    }
  }
}
