package io.dpf.runtime.controller;

import java.time.Duration;
import java.util.Optional;

/**
 * What a reconcile asks of the runtime afterwards. Failures are not a Result: throw, and the key
 * is retried with capped exponential backoff.
 */
public final class Result {

  private static final Result DONE = new Result(null);

  private final Duration requeueAfter;

  private Result(Duration requeueAfter) {
    this.requeueAfter = requeueAfter;
  }

  /** Nothing more to do until something we watch changes. */
  public static Result done() {
    return DONE;
  }

  /** Look again later even if nothing we watch changes, e.g. to poll something outside the API. */
  public static Result requeueAfter(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative requeue delay: " + delay);
    }
    return new Result(delay);
  }

  public Optional<Duration> requeueAfter() {
    return Optional.ofNullable(requeueAfter);
  }

  @Override
  public String toString() {
    return requeueAfter == null ? "done" : "requeueAfter " + requeueAfter;
  }
}
