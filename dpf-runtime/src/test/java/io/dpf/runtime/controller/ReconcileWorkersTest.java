package io.dpf.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reconcile worker outlives whatever a reconcile throws, and a worker that is gone shows. */
class ReconcileWorkersTest {

  private static final ResourceKey KEY = new ResourceKey("ns", "cm");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final WorkQueue<ResourceKey> queue =
      new WorkQueue<>("test", new Backoff<>(Duration.ofMillis(1), Duration.ofMillis(5)));
  private ReconcileWorkers<ConfigMap> workers;

  @AfterEach
  void stop() {
    if (workers != null) {
      workers.stop(Duration.ofSeconds(2));
    }
    queue.close();
  }

  @Test
  void errorsThrownByAReconcileAreCountedAndRetriedAndTheWorkerKeepsReconciling() {
    AtomicInteger errorsLeft = new AtomicInteger(5);
    AtomicInteger succeeded = new AtomicInteger();
    Reconciler<ConfigMap> throwsErrors = cm -> {
      if (errorsLeft.getAndDecrement() > 0) {
        throw new StackOverflowError("injected Error");
      }
      succeeded.incrementAndGet();
      return Result.done();
    };
    workers = workers(throwsErrors, () -> true, Thread::new);
    workers.start(1);
    queue.add(KEY);

    await().atMost(WAIT).until(() -> succeeded.get() == 1);
    assertThat(workers.liveWorkers()).isEqualTo(1);
    assertThat(registry.scrape())
        .contains("dpf_controller_reconcile_errors_total{controller=\"test\"} 5.0")
        .contains("dpf_controller_worker_restarts_total{controller=\"test\"} 0.0");

    queue.add(KEY);
    await().atMost(WAIT).until(() -> succeeded.get() == 2);
  }

  @Test
  void aWorkerThatDiesOutsideAReconcileIsReplaced() {
    AtomicBoolean failOnce = new AtomicBoolean(true);
    BooleanSupplier syncedCheckThatDiesOnce = () -> {
      if (failOnce.getAndSet(false)) {
        throw new OutOfMemoryError("injected outside the reconcile");
      }
      return true;
    };
    AtomicInteger reconciled = new AtomicInteger();
    workers = workers(cm -> {
      reconciled.incrementAndGet();
      return Result.done();
    }, syncedCheckThatDiesOnce, Thread::new);
    workers.start(1);
    queue.add(KEY);

    await().atMost(WAIT).until(() -> reconciled.get() == 1);
    assertThat(workers.liveWorkers()).isEqualTo(1);
    assertThat(registry.scrape()).contains("dpf_controller_worker_restarts_total{controller=\"test\"} 1.0");
  }

  @Test
  void aWorkerThatCannotBeReplacedLeavesNoLiveWorkerToReport() {
    AtomicInteger threadsMade = new AtomicInteger();
    ThreadFactory onlyOneThread = runnable -> {
      if (threadsMade.incrementAndGet() > 1) {
        throw new OutOfMemoryError("unable to create native thread (injected)");
      }
      return new Thread(runnable);
    };
    workers = workers(cm -> Result.done(), () -> {
      throw new OutOfMemoryError("injected outside the reconcile");
    }, onlyOneThread);
    workers.start(1);

    await().atMost(WAIT).until(() -> workers.liveWorkers() == 0);
    assertThat(workers.isRunning()).as("still meant to reconcile: readiness must fail").isTrue();
  }

  private ReconcileWorkers<ConfigMap> workers(Reconciler<ConfigMap> reconciler, BooleanSupplier synced,
      ThreadFactory threads) {
    ConfigMap cached = new ConfigMapBuilder().withNewMetadata().withNamespace("ns").withName("cm").endMetadata().build();
    ControllerMetrics metrics = new ControllerMetrics(registry, "test", queue::depth);
    return new ReconcileWorkers<>("test", queue, key -> cached, cm -> cm, reconciler, metrics, synced, threads);
  }
}
