package io.dpf.api.conditions;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one conditions helper every controller uses (DPF's internal/conditions, in Java).
 *
 * <p>Works on a condition list in place. {@code lastTransitionTime} moves only when a condition's
 * status changes, so an unchanged world produces an unchanged status and no write. Every touched
 * condition records the generation it was computed from.
 *
 * <pre>{@code
 * Conditions c = Conditions.of(status, resource.getMetadata().getGeneration(), clock);
 * c.ensure(ConditionTypes.DPUService.ALL);
 * c.setTrue(ConditionTypes.DPUService.APPLICATIONS_RECONCILED);
 * c.setFalse(ConditionTypes.DPUService.APPLICATIONS_READY, Reasons.PENDING, "...");
 * c.summarize();
 * }</pre>
 */
public final class Conditions {
  static final String NOT_READY_PREFIX = "The following conditions are not ready: ";

  private final List<Condition> conditions;
  private final Long generation;
  private final Clock clock;

  private Conditions(List<Condition> conditions, Long generation, Clock clock) {
    this.conditions = Objects.requireNonNull(conditions, "conditions");
    this.generation = generation;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Edits the status's conditions (created when absent). */
  public static Conditions of(HasConditions status, Long generation, Clock clock) {
    return new Conditions(status.conditions(), generation, clock);
  }

  /** Edits a mutable list directly. */
  public static Conditions of(List<Condition> conditions, Long generation, Clock clock) {
    return new Conditions(conditions, generation, clock);
  }

  /** Adds every declared type that is missing as Unknown with reason Pending; existing ones are kept. */
  public Conditions ensure(Collection<String> types) {
    for (String type : types) {
      if (find(type).isEmpty()) {
        conditions.add(new ConditionBuilder().withType(type).withStatus(STATUS_UNKNOWN).withReason(Reasons.PENDING)
            .withMessage("").withObservedGeneration(generation).withLastTransitionTime(now()).build());
      }
    }
    return this;
  }

  public Conditions setTrue(String type) {
    return set(type, STATUS_TRUE, Reasons.SUCCESS, "");
  }

  public Conditions setFalse(String type, String reason, String message) {
    return set(type, STATUS_FALSE, reason, message);
  }

  /** Sets or adds a condition; the transition time moves only when the status changes. */
  public Conditions set(String type, String status, String reason, String message) {
    Optional<Condition> existing = find(type);
    if (existing.isEmpty()) {
      conditions.add(new ConditionBuilder().withType(type).withStatus(status).withReason(reason)
          .withMessage(message == null ? "" : message).withObservedGeneration(generation)
          .withLastTransitionTime(now()).build());
      return this;
    }
    Condition condition = existing.get();
    if (!status.equals(condition.getStatus())) {
      condition.setLastTransitionTime(now());
    }
    condition.setStatus(status);
    condition.setReason(reason);
    condition.setMessage(message == null ? "" : message);
    condition.setObservedGeneration(generation);
    return this;
  }

  /**
   * Computes {@code Ready} from every other condition: True when all are True; otherwise False with
   * the most severe reason found (AwaitingDeletion, then Failure, else Pending) and a message
   * naming the conditions that are not ready.
   */
  public Conditions summarize() {
    List<String> notReady = new ArrayList<>();
    String worstReason = null;
    for (Condition condition : conditions) {
      if (ConditionTypes.READY.equals(condition.getType()) || STATUS_TRUE.equals(condition.getStatus())) {
        continue;
      }
      notReady.add(condition.getType());
      String reason = summaryReason(condition.getReason());
      if (worstReason == null || severity(reason) > severity(worstReason)) {
        worstReason = reason;
      }
    }
    if (notReady.isEmpty()) {
      return setTrue(ConditionTypes.READY);
    }
    return setFalse(ConditionTypes.READY, worstReason, NOT_READY_PREFIX + String.join(", ", notReady));
  }

  public Optional<Condition> find(String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public boolean isTrue(String type) {
    return find(type).map(c -> STATUS_TRUE.equals(c.getStatus())).orElse(false);
  }

  public List<Condition> list() {
    return conditions;
  }

  /** True when the status's condition of this type exists and is True. */
  public static boolean isTrue(HasConditions status, String type) {
    return status != null && status.getConditions() != null
        && status.getConditions().stream().anyMatch(c -> type.equals(c.getType()) && STATUS_TRUE.equals(c.getStatus()));
  }

  /**
   * Why an object is not Ready, for a parent's condition message: each condition other than Ready
   * that is not True as {@code Type (Reason): message}, joined by "; ". An object nobody has written a
   * status for yet says so. Empty when the object is Ready.
   */
  public static String whyNotReady(HasConditions status) {
    if (status == null || status.getConditions() == null || status.getConditions().isEmpty()) {
      return "it has no status yet";
    }
    List<String> why = new ArrayList<>();
    Condition ready = null;
    for (Condition condition : status.getConditions()) {
      if (ConditionTypes.READY.equals(condition.getType())) {
        ready = condition;
      } else if (!STATUS_TRUE.equals(condition.getStatus())) {
        why.add(describe(condition));
      }
    }
    if (ready != null && STATUS_TRUE.equals(ready.getStatus())) {
      return "";
    }
    if (why.isEmpty()) {
      return ready == null ? "it has no Ready condition yet" : describe(ready);
    }
    return String.join("; ", why);
  }

  private static String describe(Condition condition) {
    String head = condition.getType() + " (" + (STATUS_UNKNOWN.equals(condition.getStatus()) ? "Unknown, " : "")
        + condition.getReason() + ")";
    return condition.getMessage() == null || condition.getMessage().isBlank() ? head : head + ": " + condition.getMessage();
  }

  /** Error and unknown reasons are summarised as Pending, as in DPF. */
  static String summaryReason(String reason) {
    return severity(reason) > 0 ? reason : Reasons.PENDING;
  }

  private static int severity(String reason) {
    if (Reasons.AWAITING_DELETION.equals(reason)) {
      return 3;
    }
    if (Reasons.FAILURE.equals(reason)) {
      return 2;
    }
    if (Reasons.PENDING.equals(reason)) {
      return 1;
    }
    return 0;
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  public static final String STATUS_TRUE = "True";
  public static final String STATUS_FALSE = "False";
  public static final String STATUS_UNKNOWN = "Unknown";
}
