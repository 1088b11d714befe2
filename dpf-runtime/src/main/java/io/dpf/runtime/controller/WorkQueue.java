package io.dpf.runtime.controller;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A work queue of keys with the guarantees of client-go's: a key waiting in the queue is held
 * once however often it is added; a key being processed is never handed out again until
 * {@link #done}, and if it was added meanwhile it is queued again then. Delayed adds keep only the
 * earliest pending delay per key.
 */
public final class WorkQueue<K> implements AutoCloseable {

  private final Backoff<K> backoff;
  private final ScheduledExecutorService timer;
  private final Object lock = new Object();
  private final Deque<K> ready = new ArrayDeque<>();
  // Keys that need processing: those in `ready` plus those added again while processing.
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Map<K, Delayed> delayed = new HashMap<>();
  private boolean closed;

  private record Delayed(long dueNanos, ScheduledFuture<?> task) {}

  public WorkQueue(String name, Backoff<K> backoff) {
    this.backoff = backoff;
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, name + "-queue-timer");
      thread.setDaemon(true);
      return thread;
    });
  }

  public void add(K key) {
    synchronized (lock) {
      if (closed || !dirty.add(key)) {
        return;
      }
      if (!processing.contains(key)) {
        ready.addLast(key);
        lock.notifyAll();
      }
    }
  }

  public void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    long due = System.nanoTime() + delay.toNanos();
    synchronized (lock) {
      Delayed pending = delayed.get(key);
      if (closed || (pending != null && pending.dueNanos() <= due)) {
        return;
      }
      if (pending != null) {
        pending.task().cancel(false);
      }
      ScheduledFuture<?> task = timer.schedule(() -> fire(key, due), delay.toNanos(), TimeUnit.NANOSECONDS);
      delayed.put(key, new Delayed(due, task));
    }
  }

  /** Retries {@code key} after its next backoff delay; returns that delay. */
  public Duration addRateLimited(K key) {
    Duration delay = backoff.next(key);
    addAfter(key, delay);
    return delay;
  }

  /** Forgets the failures of {@code key}: its next error starts from the base delay again. */
  public void forget(K key) {
    backoff.reset(key);
  }

  /** The next key to process, waiting up to {@code timeout}; the caller must call {@link #done}. */
  public Optional<K> poll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (ready.isEmpty() && !closed) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return Optional.empty();
        }
        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
      }
      if (ready.isEmpty()) {
        return Optional.empty();
      }
      K key = ready.pollFirst();
      dirty.remove(key);
      processing.add(key);
      return Optional.of(key);
    }
  }

  public void done(K key) {
    synchronized (lock) {
      processing.remove(key);
      if (dirty.contains(key) && !closed) {
        ready.addLast(key);
        lock.notifyAll();
      }
    }
  }

  /** Keys waiting to be processed now (not those delayed or in progress): the queue depth metric. */
  public int depth() {
    synchronized (lock) {
      return ready.size();
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      delayed.values().forEach(d -> d.task().cancel(false));
      delayed.clear();
      lock.notifyAll();
    }
    timer.shutdownNow();
  }

  private void fire(K key, long due) {
    synchronized (lock) {
      Delayed pending = delayed.get(key);
      if (pending != null && pending.dueNanos() == due) {
        delayed.remove(key);
      }
    }
    add(key);
  }
}
