package io.dpf.runtime.controller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Per-controller meters. In Prometheus format they read {@code dpf_controller_reconcile_total
 * {controller,result}}, {@code dpf_controller_reconcile_errors_total}, {@code
 * dpf_controller_reconcile_duration_seconds} and {@code dpf_controller_workqueue_depth}.
 */
final class ControllerMetrics {

  private final Counter succeeded;
  private final Counter requeued;
  private final Counter failed;
  private final Counter errors;
  private final Timer duration;
  private final Counter workerDeaths;

  ControllerMetrics(MeterRegistry registry, String controller, Supplier<Number> queueDepth) {
    this(registry, controller, queueDepth, () -> 0);
  }

  ControllerMetrics(MeterRegistry registry, String controller, Supplier<Number> queueDepth,
      Supplier<Number> liveWorkers) {
    succeeded = reconciles(registry, controller, "success");
    requeued = reconciles(registry, controller, "requeue");
    failed = reconciles(registry, controller, "error");
    errors = Counter.builder("dpf.controller.reconcile.errors")
        .description("Reconciles that threw; the key is retried with backoff")
        .tag("controller", controller).register(registry);
    duration = Timer.builder("dpf.controller.reconcile.duration")
        .description("Time spent in reconcile")
        .tag("controller", controller).register(registry);
    workerDeaths = Counter.builder("dpf.controller.worker.restarts")
        .description("Reconcile workers that ended unexpectedly and were replaced")
        .tag("controller", controller).register(registry);
    Gauge.builder("dpf.controller.workers", liveWorkers)
        .description("Reconcile worker threads alive (0 on a standby replica)")
        .tag("controller", controller).register(registry);
    Gauge.builder("dpf.controller.workqueue.depth", queueDepth)
        .description("Keys waiting to be reconciled")
        .tag("controller", controller).register(registry);
  }

  private static Counter reconciles(MeterRegistry registry, String controller, String result) {
    return Counter.builder("dpf.controller.reconcile")
        .description("Reconciles by outcome")
        .tags("controller", controller, "result", result).register(registry);
  }

  Timer.Sample startTimer() {
    return Timer.start();
  }

  void succeeded(Timer.Sample sample, boolean requeue) {
    sample.stop(duration);
    (requeue ? requeued : succeeded).increment();
  }

  void workerDied() {
    workerDeaths.increment();
  }

  void failed(Timer.Sample sample) {
    sample.stop(duration);
    failed.increment();
    errors.increment();
  }
}
