package io.dpf.provisioning.bfb;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BFB download meters. In Prometheus format: {@code dpf_provisioning_bfb_downloaded_bytes_total},
 * bytes written to the BFB volume (a resumed download counts only what it fetched, so the rate is
 * the real transfer rate), and {@code dpf_provisioning_bfb_downloads_total{outcome}}, attempts that
 * ended: {@code success}, {@code stopped} (manager stopping, BFB deleted) or the failure cause
 * ({@code http_status}, {@code dns}, {@code connection}, {@code connection_cut}, {@code disk_full},
 * {@code checksum}, {@code io}). Every outcome is registered at 0 so a first failure shows as a rise.
 */
final class BfbMetrics implements MeterBinder {

  static final String SUCCESS = "success";
  static final String STOPPED = "stopped";

  // Set once the manager binds its registry (before any download starts); unbound, nothing is counted.
  private volatile Counter bytes;
  private volatile Map<String, Counter> outcomes = Map.of();

  static String outcomeOf(DownloadFailure.Cause cause) {
    return cause.name().toLowerCase(Locale.ROOT);
  }

  void received(long count) {
    Counter counter = bytes;
    if (counter != null) {
      counter.increment(count);
    }
  }

  void ended(String outcome) {
    Counter counter = outcomes.get(outcome);
    if (counter != null) {
      counter.increment();
    }
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Map<String, Counter> byOutcome = new LinkedHashMap<>();
    List<String> all = new ArrayList<>(List.of(SUCCESS, STOPPED));
    Arrays.stream(DownloadFailure.Cause.values()).map(BfbMetrics::outcomeOf).forEach(all::add);
    for (String outcome : all) {
      byOutcome.put(outcome, Counter.builder("dpf.provisioning.bfb.downloads").tag("outcome", outcome)
          .description("BFB download attempts by how they ended").register(registry));
    }
    outcomes = byOutcome;
    bytes = Counter.builder("dpf.provisioning.bfb.downloaded").baseUnit("bytes")
        .description("Bytes of BFBs written to the BFB volume").register(registry);
  }
}
