package io.dpf.provisioning.dpu.phases;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.RetryRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** The install clock starts when Pending finished, or at the last failure when a retry came later. */
class InstallTimeoutTest {

  static final Instant BFB_READY_AT = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void theClockStartsWhenTheBfbWasReady() {
    assertThat(OsInstalling.phaseStart(context(dpu(null)))).isEqualTo(BFB_READY_AT);
  }

  @Test
  void aRetryRestartsTheClock() {
    Instant failed = BFB_READY_AT.plusSeconds(7200);
    assertThat(OsInstalling.phaseStart(context(dpu(new RetryRecord(1, failed))))).isEqualTo(failed);
  }

  static DPU dpu(RetryRecord record) {
    DPU dpu = new DPU();
    dpu.getMetadata().setName("w-0000-4b-00");
    dpu.getMetadata().setAnnotations(new HashMap<>());
    if (record != null) {
      dpu.getMetadata().getAnnotations().put(RetryRecord.ANNOTATION, record.format());
    }
    dpu.setSpec(new DPUSpec());
    return dpu;
  }

  static PhaseContext context(DPU dpu) {
    DPUStatus status = new DPUStatus();
    status.setPhase(DPUPhase.OS_INSTALLING);
    PhaseContext context = new PhaseContext(dpu, status, null, ProvisioningSettings.defaults(),
        Clock.fixed(BFB_READY_AT, ZoneOffset.UTC));
    context.conditions().setTrue(ConditionTypes.DPU.BFB_READY);
    return context;
  }
}
