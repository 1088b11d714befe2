package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that take keys from a controller's queue and reconcile them, while leading.
 *
 * <p>A worker survives whatever a reconcile throws, a Java {@code Error} included: it is counted,
 * logged and retried with backoff like any failure. Should a worker still end (something outside
 * the reconcile failed), it starts its own replacement; if even that fails, {@link #liveWorkers}
 * drops and readiness says so, instead of a controller that silently stopped reconciling.
 */
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
  private final ThreadFactory threads;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private int started;

  ReconcileWorkers(String controller, WorkQueue<ResourceKey> queue, Function<ResourceKey, R> cache,
      UnaryOperator<R> copier, Reconciler<R> reconciler, ControllerMetrics metrics,
      BooleanSupplier cachesSynced) {
    this(controller, queue, cache, copier, reconciler, metrics, cachesSynced, Thread::new);
  }

  /** With the factory that makes worker threads, so tests can refuse a replacement. */
  ReconcileWorkers(String controller, WorkQueue<ResourceKey> queue, Function<ResourceKey, R> cache,
      UnaryOperator<R> copier, Reconciler<R> reconciler, ControllerMetrics metrics,
      BooleanSupplier cachesSynced, ThreadFactory threads) {
    this.controller = controller;
    this.queue = queue;
    this.cache = cache;
    this.copier = copier;
    this.reconciler = reconciler;
    this.metrics = metrics;
    this.cachesSynced = cachesSynced;
    this.threads = threads;
  }

  synchronized void start(int count) {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < count; i++) {
      spawn();
    }
  }

  /** Lets reconciles in progress finish (up to {@code grace}), then returns. */
  void stop(Duration grace) {
    List<Thread> stopping;
    synchronized (this) {
      running = false;
      stopping = List.copyOf(workers);
    }
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread thread : stopping) {
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
    synchronized (this) {
      workers.removeAll(stopping);
    }
  }

  boolean isRunning() {
    return running;
  }

  /** Worker threads alive now; zero while reconciling means nothing is being reconciled. */
  synchronized int liveWorkers() {
    return (int) workers.stream().filter(Thread::isAlive).count();
  }

  private synchronized void spawn() {
    try {
      Thread thread = threads.newThread(this::work);
      thread.setName(controller + "-worker-" + started++);
      thread.setDaemon(true);
      workers.add(thread);
      thread.start();
    } catch (Throwable cannotStart) {
      // Out of threads or memory: readiness now reports the missing worker.
      LOG.error("{}: cannot start a reconcile worker", controller, cannotStart);
    }
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
    } catch (Throwable outsideReconcile) {
      metrics.workerDied();
      LOG.error("{}: reconcile worker {} died; starting another", controller,
          Thread.currentThread().getName(), outsideReconcile);
    } finally {
      replaceIfStillWanted(Thread.currentThread());
    }
  }

  private synchronized void replaceIfStillWanted(Thread ended) {
    workers.remove(ended);
    if (running && !Thread.currentThread().isInterrupted()) {
      spawn();
    }
  }

  private void reconcile(ResourceKey key) {
    try (ReconcileLogContext logContext = ReconcileLogContext.open(controller, key)) {
      Timer.Sample sample = metrics.startTimer();
      try {
        R cached = cache.apply(key);
        if (cached == null) {
          queue.forget(key); // deleted; owner references and finalizers took care of the rest
          return;
        }
        Result result = reconciler.reconcile(copier.apply(cached));
        queue.forget(key);
        metrics.succeeded(sample, result.requeueAfter().isPresent());
        result.requeueAfter().ifPresent(delay -> queue.addAfter(key, delay));
      } catch (Throwable failure) {
        // Errors too (an assertion, a StackOverflowError, a missing class): one bad object must not
        // take a worker with it. An interrupt (a stop) is passed on once the retry is queued.
        metrics.failed(sample);
        Duration delay = queue.addRateLimited(key);
        if (failure instanceof Exception && !(failure instanceof InterruptedException)) {
          LOG.warn("{}: reconcile of {} failed, retrying in {}: {}", controller, key, delay, failure.toString());
          LOG.debug("{}: reconcile of {} failed", controller, key, failure);
        } else {
          LOG.error("{}: reconcile of {} threw {}, retrying in {}", controller, key,
              failure.getClass().getName(), delay, failure);
        }
        if (failure instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
