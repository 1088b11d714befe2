package io.dpf.runtime.reconcile;

import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.HasConditions;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.events.EventRecorder;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * The status half of the reconcile skeleton (cluster-api's deferred patch): a private copy of the
 * observed status with every declared condition present, edited by the reconcile; on
 * {@link #close()} {@code Ready} is summarized from the others, {@code observedGeneration} is
 * set if the reconcile {@link #succeeded()}, the status is written only if it changed, and each
 * condition that changed status becomes an Event when the controller asked for them.
 *
 * <pre>{@code
 * try (StatusScope<DPUServiceStatus> scope = statuses.open(service, DPUServiceStatus::new, ALL)) {
 *   Result result = reconcileNormal(service, scope.conditions());
 *   scope.succeeded();
 *   return result;
 * }
 * }</pre>
 */
public final class StatusScope<S extends HasConditions> implements AutoCloseable {

  private final HasMetadata observed;
  private final S status;
  private final List<Condition> before;
  private final Conditions conditions;
  private final StatusWriter writer;
  private final EventRecorder events;
  private boolean succeeded;
  private boolean summarize = true;
  private boolean written;

  StatusScope(HasMetadata observed, S status, List<Condition> before, Conditions conditions, StatusWriter writer,
      EventRecorder events) {
    this.observed = observed;
    this.status = status;
    this.before = before;
    this.conditions = conditions;
    this.writer = writer;
    this.events = events;
  }

  /** The status being built: a copy of the observed one, never the cached object's. */
  public S status() {
    return status;
  }

  public Conditions conditions() {
    return conditions;
  }

  /** The reconcile did what it set out to: the status describes this generation. */
  public void succeeded() {
    succeeded = true;
  }

  /** For kinds whose Ready is not the summary of the others (a DPU's follows its phase). */
  public StatusScope<S> withoutReadySummary() {
    summarize = false;
    return this;
  }

  /** Nothing to write on close: the object is going (its last finalizer was just removed). */
  public void skipWrite() {
    written = true;
  }

  /** Writes now rather than on close (e.g. before an Event that must follow the write). */
  public boolean write() {
    if (written) {
      return false;
    }
    written = true;
    if (summarize) {
      conditions.summarize();
    }
    if (succeeded) {
      status.setObservedGeneration(observed.getMetadata().getGeneration());
    }
    boolean changed = writer.update(observed, status);
    if (changed && events != null) {
      events.conditionTransitions(observed, before, status.getConditions());
    }
    return changed;
  }

  @Override
  public void close() {
    write();
  }

  static List<Condition> copy(List<Condition> conditions) {
    List<Condition> copy = new ArrayList<>();
    if (conditions != null) {
      conditions.forEach(c -> copy.add(new ConditionBuilder(c).build()));
    }
    return copy;
  }
}
