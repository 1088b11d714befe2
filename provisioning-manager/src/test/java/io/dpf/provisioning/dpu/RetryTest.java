package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.dpu.phases.ErrorPhase;
import io.dpf.runtime.controller.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Error retries: capped doubling backoff, the attempt record, and the return to the failed phase. */
class RetryTest {

  static final ProvisioningSettings SETTINGS = ProvisioningSettings.defaults();
  static final Instant FAILED_AT = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void backoffDoublesPerAttemptUpToItsCap() {
    assertThat(SETTINGS.retryDelay(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(SETTINGS.retryDelay(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(SETTINGS.retryDelay(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(SETTINGS.retryDelay(60)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void theAttemptRecordRoundTripsThroughItsAnnotation() {
    DPU dpu = dpuInError(new RetryRecord(3, FAILED_AT));

    assertThat(RetryRecord.of(dpu)).contains(new RetryRecord(3, FAILED_AT));
    dpu.getMetadata().getAnnotations().put(RetryRecord.ANNOTATION, "garbage");
    assertThat(RetryRecord.of(dpu)).isEmpty();
  }

  @Test
  void errorWaitsOutTheBackoffThenReturnsToTheFailedPhase() {
    DPU dpu = dpuInError(new RetryRecord(2, FAILED_AT));

    PhaseContext early = context(dpu, FAILED_AT.plusSeconds(5));
    Result waiting = new ErrorPhase().handle(early);
    assertThat(early.status().getPhase()).isEqualTo(DPUPhase.ERROR);
    assertThat(waiting.requeueAfter()).contains(Duration.ofSeconds(15));

    PhaseContext due = context(dpu, FAILED_AT.plusSeconds(20));
    new ErrorPhase().handle(due);
    assertThat(due.status().getPhase()).isEqualTo(DPUPhase.OS_INSTALLING);
  }

  @Test
  void eachPhaseReportsThroughItsOwnCondition() {
    assertThat(DpuReconciler.conditionOf(DPUPhase.OS_INSTALLING)).isEqualTo(ConditionTypes.DPU.OS_INSTALLED);
    assertThat(DpuReconciler.conditionOf(DPUPhase.PENDING)).isEqualTo(ConditionTypes.DPU.BFB_READY);
    assertThat(DpuReconciler.conditionOf(DPUPhase.DPU_CLUSTER_CONFIG)).isEqualTo(ConditionTypes.READY);
  }

  static DPU dpuInError(RetryRecord record) {
    DPU dpu = new DPU();
    dpu.getMetadata().setName("w-0000-4b-00");
    dpu.getMetadata().setNamespace("dpf");
    dpu.getMetadata().setAnnotations(new HashMap<>(Map.of(RetryRecord.ANNOTATION, record.format())));
    dpu.setSpec(new DPUSpec());
    DPUStatus status = new DPUStatus();
    status.setPhase(DPUPhase.ERROR);
    status.setPreviousPhase(DPUPhase.OS_INSTALLING);
    dpu.setStatus(status);
    return dpu;
  }

  static PhaseContext context(DPU dpu, Instant now) {
    DPUStatus copy = new DPUStatus();
    copy.setPhase(dpu.getStatus().getPhase());
    copy.setPreviousPhase(dpu.getStatus().getPreviousPhase());
    return new PhaseContext(dpu, copy, null, SETTINGS, Clock.fixed(now, ZoneOffset.UTC));
  }
}
