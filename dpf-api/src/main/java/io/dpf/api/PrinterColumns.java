package io.dpf.api;

/** JSON paths of the printer columns most kinds share. */
public final class PrinterColumns {
  /** The Ready condition's status. */
  public static final String READY = ".status.conditions[?(@.type=='Ready')].status";
  /** The Ready condition's reason, shown as Phase. */
  public static final String READY_REASON = ".status.conditions[?(@.type=='Ready')].reason";
  public static final String AGE = ".metadata.creationTimestamp";

  private PrinterColumns() {
  }
}
