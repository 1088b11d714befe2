package io.dpf.provisioning.bfb;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes on disk so far and the expected total (-1 while unknown); read by the reconciler while a download runs. */
public final class DownloadProgress {
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong total = new AtomicLong(-1);
  private volatile boolean stopped;

  /** Asks the download to stop at its next chunk, keeping the partial file (a belt to interruption's braces). */
  public void stop() {
    stopped = true;
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

  void bytes(long value) {
    bytes.set(value);
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
