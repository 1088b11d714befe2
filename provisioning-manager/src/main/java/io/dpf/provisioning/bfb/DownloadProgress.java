package io.dpf.provisioning.bfb;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/** Bytes on disk so far and the expected total (-1 while unknown); read by the reconciler while a download runs. */
public final class DownloadProgress {
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong total = new AtomicLong(-1);
  private final LongConsumer received;
  private volatile boolean stopped;
  private volatile Runnable onStop;

  public DownloadProgress() {
    this(count -> { });
  }

  /** @param received told of every chunk fetched in this attempt (not of the bytes a resume starts from) */
  public DownloadProgress(LongConsumer received) {
    this.received = received;
  }

  /** Asks the download to stop at its next chunk, keeping the partial file (a belt to interruption's braces). */
  public void stop() {
    stopped = true;
    Runnable hook = onStop;
    if (hook != null) {
      hook.run();
    }
  }

  /** What {@link #stop} also does while a transfer runs: close its connection, so a stalled read ends at once. */
  void onStop(Runnable hook) {
    onStop = hook;
    if (hook != null && stopped) {
      hook.run();
    }
  }

  boolean stopped() {
    return stopped;
  }

  public long bytes() {
    return bytes.get();
  }

  public long total() {
    return total.get();
  }

  /** Where the file stands when the transfer starts: 0, or the size of the partial file resumed. */
  void bytes(long value) {
    bytes.set(value);
  }

  /** {@code count} more bytes were written. */
  void advance(long count) {
    bytes.addAndGet(count);
    received.accept(count);
  }

  void total(long value) {
    total.set(value);
  }

  /** "1048576 of 4194304 bytes (25%)": what the BFB's status shows while downloading. */
  public String describe() {
    long done = bytes();
    long all = total();
    if (all <= 0) {
      return done + " bytes";
    }
    return done + " of " + all + " bytes (" + (done * 100 / all) + "%)";
  }
}
