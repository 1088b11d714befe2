package io.dpf.provisioning.dpuset;

import io.dpf.api.provisioning.v1alpha1.DPUSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A DPUSet's {@code dpuStatistics} change with every phase every one of its DPUs passes: 500 DPUs
 * walking eight phases would rewrite the set's status thousands of times, each write an event for
 * every watcher. The counts are written at most once per interval per set instead; a change within
 * the interval is written when it ends (the reconcile is requeued), so the last counts always land.
 */
final class StatisticsPacing {

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Long> lastWriteByUid = new ConcurrentHashMap<>();

  StatisticsPacing(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** How long until this set's statistics may be written again; zero: now. */
  Duration untilNextWrite(DPUSet set) {
    Long last = lastWriteByUid.get(set.getMetadata().getUid());
    long left = last == null ? 0 : last + intervalNanos - nanoTime.getAsLong();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  void wrote(DPUSet set) {
    lastWriteByUid.put(set.getMetadata().getUid(), nanoTime.getAsLong());
  }

  void forget(DPUSet set) {
    lastWriteByUid.remove(set.getMetadata().getUid());
  }
}
