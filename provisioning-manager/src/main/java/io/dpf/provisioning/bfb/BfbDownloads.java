package io.dpf.provisioning.bfb;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The downloads running in this manager, one per BFB (keyed {@code <ns>/<name>}). Downloads run on
 * their own threads because they take minutes to hours and reconcile workers must stay free. What
 * survives a restart is on disk (the partial file), not here: a new manager simply starts the
 * download again and it resumes. Bytes and outcomes are metered ({@link BfbMetrics}) once the
 * manager binds its registry.
 */
public final class BfbDownloads implements AutoCloseable, MeterBinder {

  /** One attempt; {@code failure} is set when it ended badly, {@code finished} when it ended at all. */
  public static final class Attempt {
    final int number;
    final DownloadProgress progress;
    volatile Future<?> future;
    volatile DownloadFailure failure;
    volatile Instant endedAt;

    Attempt(int number, DownloadProgress progress) {
      this.number = number;
      this.progress = progress;
    }

    public int number() {
      return number;
    }

    public DownloadProgress progress() {
      return progress;
    }

    public Optional<DownloadFailure> failure() {
      return Optional.ofNullable(failure);
    }

    public boolean running() {
      return endedAt == null;
    }

    public Instant endedAt() {
      return endedAt;
    }
  }

  private final BfbDownloader downloader;
  private final Clock clock;
  private final BfbMetrics metrics = new BfbMetrics();
  private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "bfb-download");
    thread.setDaemon(true);
    return thread;
  });

  public BfbDownloads(BfbDownloader downloader, Clock clock) {
    this.downloader = downloader;
    this.clock = clock;
  }

  public Optional<Attempt> current(String key) {
    return Optional.ofNullable(attempts.get(key));
  }

  /** Starts the next attempt for {@code key}; the attempt number counts failures since the last success. */
  public synchronized Attempt start(String key, URI url, Path partial, Path destination, Optional<Checksum> checksum) {
    Attempt previous = attempts.get(key);
    if (previous != null && previous.running()) {
      return previous;
    }
    Attempt attempt = new Attempt(previous == null ? 1 : previous.number + 1, new DownloadProgress(metrics::received));
    attempts.put(key, attempt);
    attempt.future = threads.submit(() -> {
      String outcome = BfbMetrics.SUCCESS;
      try {
        downloader.download(url, partial, destination, checksum, attempt.progress);
      } catch (DownloadFailure failure) {
        attempt.failure = failure;
      } catch (InterruptedException stopped) {
        outcome = BfbMetrics.STOPPED;
        Thread.currentThread().interrupt();
      } catch (RuntimeException unexpected) {
        attempt.failure = new DownloadFailure(DownloadFailure.Cause.IO, "download failed: " + unexpected, unexpected);
      } finally {
        metrics.ended(attempt.failure == null ? outcome : BfbMetrics.outcomeOf(attempt.failure.failureCause()));
        attempt.endedAt = clock.instant();
      }
    });
    return attempt;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    metrics.bindTo(registry);
  }

  /** Forgets a successful download so a later one (the file was deleted) counts attempts from 1. */
  public void forget(String key) {
    attempts.remove(key);
  }

  /** Stops the download of {@code key}, if any, and waits briefly for its thread to let go of the files. */
  public void cancel(String key) {
    Attempt attempt = attempts.remove(key);
    if (attempt != null && attempt.future != null) {
      attempt.progress.stop();
      attempt.future.cancel(true);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (attempt.running() && System.nanoTime() < deadline) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Stops every download and waits (briefly) until none writes any more, so a restart finds settled files. */
  @Override
  public void close() {
    attempts.values().forEach(attempt -> attempt.progress.stop());
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
