package io.dpf.provisioning.dpu;

/**
 * A phase that could not finish, with the condition reason and a message a person can act on. The
 * DPU goes to Error and the phase is retried after a capped backoff (DPF never retries, issue #40).
 */
public final class PhaseFailure extends Exception {

  private final String reason;

  public PhaseFailure(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public PhaseFailure(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
