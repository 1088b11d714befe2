package io.dpf.provisioning.bfb;

/**
 * A download that failed, with a message a user can act on: the HTTP status, an unknown host, a
 * full disk, a connection cut mid-transfer or a checksum mismatch, rather than a stack trace (DPF
 * issue #29: a BFB stayed "Pending" and nobody could tell why).
 */
public final class DownloadFailure extends Exception {

  /** What went wrong, so tests and status can tell causes apart. */
  public enum Cause { HTTP_STATUS, DNS, CONNECTION, CONNECTION_CUT, DISK_FULL, CHECKSUM, IO }

  private final Cause cause;

  public DownloadFailure(Cause cause, String message, Throwable source) {
    super(message, source);
    this.cause = cause;
  }

  public Cause failureCause() {
    return cause;
  }
}
