package io.dpf.cli.tree;

/** How a row reads to a user: what --issues keeps and what the colours say. */
public enum Health {
  /** Ready (or the equivalent for kinds without conditions). */
  OK,
  /** Not Ready yet and not known to be failing: Pending, Unknown, Progressing, no status reported. */
  PENDING,
  /** Failing: an Error or Failure reason, a degraded Application, an unreachable cluster. */
  FAILED,
  /** A row with no status of its own (a heading, a DPUSet); its children decide. */
  NONE;

  public boolean isIssue() {
    return this == PENDING || this == FAILED;
  }
}
