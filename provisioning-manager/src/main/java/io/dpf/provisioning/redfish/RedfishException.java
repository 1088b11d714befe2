package io.dpf.provisioning.redfish;

/** A BMC call that failed, with a message that names the cause (HTTP status, credentials, certificate, busy). */
public final class RedfishException extends Exception {

  private final int httpStatus;
  private final boolean busy;

  public RedfishException(String message, int httpStatus, boolean busy, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.busy = busy;
  }

  /** The HTTP status, or 0 when the BMC was not reached (TLS, connection). */
  public int httpStatus() {
    return httpStatus;
  }

  /** "An update is in progress": the BMC is fine, just not now. */
  public boolean busy() {
    return busy;
  }
}
