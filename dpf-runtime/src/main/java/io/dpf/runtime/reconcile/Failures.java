package io.dpf.runtime.reconcile;

/** How a failed call reads in a condition message. */
public final class Failures {

  private Failures() {}

  /**
   * The exception's message and, when it says something else, its root cause's: fabric8 reports a
   * refused connection as "Operation: [list] for kind: [Secret] ... failed." and keeps the reason
   * ("Connection refused") in the cause, which is what a user needs to read.
   */
  public static String describe(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root == failure) {
      return message;
    }
    String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.contains(cause) ? message : message + " (" + cause + ")";
  }
}
