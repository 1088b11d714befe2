package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The threads that take keys from a controller's queue and reconcile them, while leading. */
final class ReconcileWorkers<R extends HasMetadata> {

  private static final Logger LOG = LoggerFactory.getLogger(ReconcileWorkers.class);
  // How often an idle worker notices it should stop; bounds how late a stop takes effect.
  private static final Duration POLL = Duration.ofMillis(200);

  private final String controller;
  private final WorkQueue<ResourceKey> queue;
  private final Function<ResourceKey, R> cache;
  private final UnaryOperator<R> copier;
  private final Reconciler<R> reconciler;
  private final ControllerMetrics metrics;
  private final BooleanSupplier cachesSynced;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  ReconcileWorkers(String controller, WorkQueue<ResourceKey> queue, Function<ResourceKey, R> cache,
      UnaryOperator<R> copier, Reconciler<R> reconciler, ControllerMetrics metrics,
      BooleanSupplier cachesSynced) {
    this.controller = controller;
    this.queue = queue;
    this.cache = cache;
    this.copier = copier;
    this.reconciler = reconciler;
    this.metrics = metrics;
    this.cachesSynced = cachesSynced;
  }

  synchronized void start(int count) {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(this::work, controller + "-worker-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Lets reconciles in progress finish (up to {@code grace}), then returns. */
  synchronized void stop(Duration grace) {
    running = false;
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (thread.isAlive()) {
        LOG.warn("{} still reconciling after {}; interrupting it", thread.getName(), grace);
        thread.interrupt();
      }
    }
    threads.clear();
  }

  boolean isRunning() {
    return running;
  }

  private void work() {
    try {
      // Decisions made on half-filled caches would be wrong (a child that "does not exist").
      while (running && !cachesSynced.getAsBoolean()) {
        Thread.sleep(POLL.toMillis());
      }
      while (running) {
        var next = queue.poll(POLL);
        if (next.isPresent()) {
          try {
            reconcile(next.get());
          } finally {
            queue.done(next.get());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reconcile(ResourceKey key) {
    R cached = cache.apply(key);
    if (cached == null) {
      queue.forget(key); // deleted; owner references and finalizers took care of the rest
      return;
    }
    Timer.Sample sample = metrics.startTimer();
    try {
      Result result = reconciler.reconcile(copier.apply(cached));
      queue.forget(key);
      metrics.succeeded(sample, result.requeueAfter().isPresent());
      result.requeueAfter().ifPresent(delay -> queue.addAfter(key, delay));
    } catch (Exception e) {
      metrics.failed(sample);
      Duration delay = queue.addRateLimited(key);
      LOG.warn("{}: reconcile of {} failed, retrying in {}: {}", controller, key, delay,
          e.toString());
      LOG.debug("{}: reconcile of {} failed", controller, key, e);
    }
  }
}
