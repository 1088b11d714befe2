package io.dpf.api.conditions;

/** Condition reasons shared by every DPF controller, in rising severity where it matters. */
public final class Reasons {
  /** Status True. */
  public static final String SUCCESS = "Success";
  /** Not done yet; will progress by itself. */
  public static final String PENDING = "Pending";
  /** A recoverable error; retried. Summarised as Pending. */
  public static final String ERROR = "Error";
  /** A terminal error; the user must act. */
  public static final String FAILURE = "Failure";
  /** Waiting for dependent objects to be deleted. */
  public static final String AWAITING_DELETION = "AwaitingDeletion";

  private Reasons() {
  }
}
