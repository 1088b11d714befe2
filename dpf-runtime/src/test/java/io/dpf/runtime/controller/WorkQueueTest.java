package io.dpf.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private static final Duration NOW = Duration.ofMillis(50);

  private final WorkQueue<String> queue =
      new WorkQueue<>("test", new Backoff<>(Duration.ofMillis(100), Duration.ofSeconds(1)));

  @AfterEach
  void close() {
    queue.close();
  }

  @Test
  void aKeyAddedManyTimesIsProcessedOnce() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("a");
    queue.add("a");

    assertThat(queue.depth()).isEqualTo(2);
    assertThat(drain()).containsExactly("a", "b");
  }

  @Test
  void aKeyBeingProcessedIsNotHandedOutAgainButRequeuedWhenDone() throws Exception {
    queue.add("a");
    String taken = queue.poll(NOW).orElseThrow();

    queue.add("a");
    assertThat(queue.poll(NOW)).as("same key while in progress").isEmpty();

    queue.done(taken);
    assertThat(queue.poll(NOW)).contains("a");
  }

  @Test
  void concurrentWorkersNeverProcessTheSameKeyAtOnce() throws Exception {
    Set<String> inProgress = ConcurrentHashMap.newKeySet();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger processed = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      Thread worker = new Thread(() -> {
        try {
          for (Optional<String> key = queue.poll(Duration.ofMillis(500)); key.isPresent();
              key = queue.poll(Duration.ofMillis(500))) {
            if (!inProgress.add(key.get())) {
              overlaps.incrementAndGet();
            }
            Thread.sleep(1);
            inProgress.remove(key.get());
            processed.incrementAndGet();
            queue.done(key.get());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (int i = 0; i < 400; i++) {
      queue.add("key-" + (i % 3));
      Thread.sleep(0, 200_000);
    }
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(overlaps).hasValue(0);
    assertThat(processed.get()).isBetween(3, 400);
  }

  @Test
  void delayedAddsKeepOnlyTheEarliest() throws Exception {
    queue.addAfter("a", Duration.ofSeconds(30));
    queue.addAfter("a", Duration.ofMillis(100));
    queue.addAfter("a", Duration.ofSeconds(10));

    assertThat(queue.poll(Duration.ofSeconds(2))).contains("a");
    queue.done("a");
    assertThat(queue.poll(Duration.ofMillis(300))).isEmpty();
  }

  @Test
  void failuresBackOffExponentiallyUpToTheCapAndResetOnSuccess() throws Exception {
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      delays.add(queue.addRateLimited("a"));
    }
    assertThat(delays).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);

    await().atMost(Duration.ofSeconds(2)).until(() -> queue.depth() == 1);
    queue.forget("a");
    assertThat(queue.addRateLimited("a")).isEqualTo(Duration.ofMillis(100));
    assertThat(queue.addRateLimited("b")).as("per key").isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void backoffSurvivesManyFailuresWithoutOverflow() {
    Backoff<String> backoff = new Backoff<>(Duration.ofMillis(500), Duration.ofMinutes(5));
    Duration last = Duration.ZERO;
    for (int i = 0; i < 10_000; i++) {
      last = backoff.next("x");
    }
    assertThat(last).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.failures("x")).isEqualTo(10_000);
  }

  private List<String> drain() throws InterruptedException {
    List<String> keys = new ArrayList<>();
    for (Optional<String> key = queue.poll(NOW); key.isPresent(); key = queue.poll(NOW)) {
      keys.add(key.get());
      queue.done(key.get());
    }
    return keys;
  }
}
