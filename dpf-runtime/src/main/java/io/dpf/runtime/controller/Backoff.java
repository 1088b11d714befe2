package io.dpf.runtime.controller;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key capped exponential backoff: base, 2·base, 4·base … up to max. A key's count resets on
 * {@link #reset}, i.e. after a successful reconcile, so one flaky object does not slow the others.
 */
public final class Backoff<K> {

  private final Duration base;
  private final Duration max;
  private final Map<K, Integer> failures = new ConcurrentHashMap<>();

  public Backoff(Duration base, Duration max) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, got " + base + " and " + max);
    }
    this.base = base;
    this.max = max;
  }

  /** Records one more failure of {@code key} and returns how long to wait before retrying it. */
  public Duration next(K key) {
    int previousFailures = failures.merge(key, 1, Integer::sum) - 1;
    return delayAfter(previousFailures);
  }

  public void reset(K key) {
    failures.remove(key);
  }

  public int failures(K key) {
    return failures.getOrDefault(key, 0);
  }

  private Duration delayAfter(int previousFailures) {
    Duration delay = base;
    for (int i = 0; i < previousFailures && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
