package io.dpf.api.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.svc.v1alpha1.DPUServiceStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static final String A = "ApplicationsReconciled";
  private static final String B = "ApplicationsReady";
  private static final Instant T0 = Instant.parse("2025-02-24T10:00:00.700Z");

  private final DPUServiceStatus status = new DPUServiceStatus();
  private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

  private Conditions conditions(long generation) {
    return Conditions.of(status, generation, clock);
  }

  private Condition get(String type) {
    return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
  }

  private void later(Duration by) {
    clock = Clock.offset(clock, by);
  }

  @Test
  void ensureAddsMissingTypesAsUnknownPending() {
    conditions(1).ensure(List.of(ConditionTypes.READY, A, B));

    assertThat(status.getConditions()).extracting(Condition::getType).containsExactly("Ready", A, B);
    assertThat(status.getConditions()).allSatisfy(c -> {
      assertThat(c.getStatus()).isEqualTo("Unknown");
      assertThat(c.getReason()).isEqualTo("Pending");
      assertThat(c.getObservedGeneration()).isEqualTo(1L);
      assertThat(c.getLastTransitionTime()).isEqualTo("2025-02-24T10:00:00Z");
    });
  }

  @Test
  void ensureKeepsExistingConditions() {
    conditions(1).setTrue(A);
    later(Duration.ofMinutes(1));

    conditions(2).ensure(List.of(A, B));

    assertThat(get(A).getStatus()).isEqualTo("True");
    assertThat(get(A).getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getConditions()).hasSize(2);
  }

  @Test
  void setTrueUsesReasonSuccess() {
    conditions(3).setTrue(A);

    assertThat(get(A).getStatus()).isEqualTo("True");
    assertThat(get(A).getReason()).isEqualTo(Reasons.SUCCESS);
    assertThat(get(A).getMessage()).isEmpty();
    assertThat(get(A).getObservedGeneration()).isEqualTo(3L);
  }

  @Test
  void setFalseKeepsReasonAndMessage() {
    conditions(1).setFalse(B, Reasons.ERROR, "Application is not ready (Sync: OutOfSync, Health: Degraded)");

    assertThat(get(B).getStatus()).isEqualTo("False");
    assertThat(get(B).getReason()).isEqualTo("Error");
    assertThat(get(B).getMessage()).isEqualTo("Application is not ready (Sync: OutOfSync, Health: Degraded)");
  }

  @Test
  void transitionTimeMovesOnlyWhenStatusChanges() {
    conditions(1).setFalse(B, Reasons.PENDING, "first");
    later(Duration.ofMinutes(5));
    conditions(2).setFalse(B, Reasons.ERROR, "second");

    assertThat(get(B).getLastTransitionTime()).isEqualTo("2025-02-24T10:00:00Z");
    assertThat(get(B).getMessage()).isEqualTo("second");
    assertThat(get(B).getObservedGeneration()).isEqualTo(2L);

    later(Duration.ofMinutes(5));
    conditions(2).setTrue(B);

    assertThat(get(B).getLastTransitionTime()).isEqualTo("2025-02-24T10:10:00Z");
  }

  @Test
  void summaryIsTrueWhenEveryOtherConditionIsTrue() {
    conditions(1).ensure(List.of(ConditionTypes.READY, A, B)).setTrue(A).setTrue(B).summarize();

    assertThat(get("Ready").getStatus()).isEqualTo("True");
    assertThat(get("Ready").getReason()).isEqualTo("Success");
  }

  @Test
  void summaryNamesTheConditionsThatAreNotReady() {
    conditions(1).ensure(List.of(ConditionTypes.READY, A, B, "C")).setTrue(B).summarize();

    assertThat(get("Ready").getStatus()).isEqualTo("False");
    assertThat(get("Ready").getReason()).isEqualTo("Pending");
    assertThat(get("Ready").getMessage()).isEqualTo("The following conditions are not ready: " + A + ", C");
  }

  @Test
  void summaryTakesTheMostSevereReason() {
    conditions(1).setFalse(A, Reasons.PENDING, "").setFalse(B, Reasons.FAILURE, "").summarize();
    assertThat(get("Ready").getReason()).isEqualTo(Reasons.FAILURE);

    conditions(1).setFalse("C", Reasons.AWAITING_DELETION, "").summarize();
    assertThat(get("Ready").getReason()).isEqualTo(Reasons.AWAITING_DELETION);
  }

  @Test
  void errorAndUnknownReasonsSummariseAsPending() {
    conditions(1).setFalse(A, Reasons.ERROR, "boom").setFalse(B, "SomethingElse", "").summarize();

    assertThat(get("Ready").getReason()).isEqualTo(Reasons.PENDING);
  }

  @Test
  void summaryOfAnUnchangedWorldChangesNothing() {
    conditions(1).ensure(List.of(ConditionTypes.READY, A)).setFalse(A, Reasons.PENDING, "waiting").summarize();
    List<Condition> before = copy(status.getConditions());
    later(Duration.ofHours(1));

    conditions(1).ensure(List.of(ConditionTypes.READY, A)).setFalse(A, Reasons.PENDING, "waiting").summarize();

    assertThat(status.getConditions()).isEqualTo(before);
  }

  @Test
  void worksOnAPlainListAndWhenStatusHasNoList() {
    List<Condition> list = new ArrayList<>();
    Conditions.of(list, null, clock).setTrue(A);
    assertThat(list).singleElement().satisfies(c -> assertThat(c.getObservedGeneration()).isNull());

    assertThat(status.getConditions()).isNull();
    assertThat(Conditions.isTrue(status, A)).isFalse();
    conditions(1).setTrue(A);
    assertThat(Conditions.isTrue(status, A)).isTrue();
    assertThat(conditions(1).isTrue(B)).isFalse();
  }

  @Test
  void whyNotReadyCarriesEachUnreadyConditionsReasonAndMessage() {
    assertThat(Conditions.whyNotReady(status)).isEqualTo("it has no status yet");
    conditions(1).ensure(List.of(ConditionTypes.READY, A, B));
    conditions(1).setTrue(A).setFalse(B, Reasons.PENDING, "Application c1-flannel is not ready").summarize();
    assertThat(Conditions.whyNotReady(status)).isEqualTo("ApplicationsReady (Pending): Application c1-flannel is not ready");
    conditions(1).set(A, Conditions.STATUS_UNKNOWN, Reasons.PENDING, "DPU cluster c2: Secret gone").summarize();
    assertThat(Conditions.whyNotReady(status)).isEqualTo("ApplicationsReconciled (Unknown, Pending): DPU cluster c2: "
        + "Secret gone; ApplicationsReady (Pending): Application c1-flannel is not ready");
    conditions(1).setTrue(A).setTrue(B).summarize();
    assertThat(Conditions.whyNotReady(status)).isEmpty();
  }

  private static List<Condition> copy(List<Condition> conditions) {
    return conditions.stream().map(c -> new ConditionBuilder(c).build()).toList();
  }
}
