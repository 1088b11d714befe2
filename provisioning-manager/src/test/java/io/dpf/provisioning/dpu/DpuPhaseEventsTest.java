package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DpuPhaseEventsTest {

  @Test
  void theReasonIsThePhaseEnteredWithoutSpaces() {
    assertThat(DpuPhaseEvents.reason(DPUPhase.OS_INSTALLING)).isEqualTo("OSInstalling");
    assertThat(DpuPhaseEvents.reason(DPUPhase.DPU_CLUSTER_CONFIG)).isEqualTo("DPUClusterConfig");
    assertThat(DpuPhaseEvents.reason(DPUPhase.ERROR)).isEqualTo("Error");
  }

  @Test
  void enteringErrorTellsWhichPhaseFailedAndWhy() {
    DPUStatus status = new DPUStatus();
    status.setPhase(DPUPhase.ERROR);
    status.setConditions(List.of(new ConditionBuilder().withType(ConditionTypes.DPU.OS_INSTALLED).withStatus("False")
        .withReason("InstallationFailed").withMessage("attempt 2: BMC task 7 ended Exception/Critical: flash failed").build()));

    assertThat(DpuPhaseEvents.message(DPUPhase.OS_INSTALLING, status)).isEqualTo(
        "OS Installing failed (OSInstalled InstallationFailed): attempt 2: BMC task 7 ended Exception/Critical: flash failed");
  }

  @Test
  void progressAndRetriesNameBothPhases() {
    DPUStatus status = new DPUStatus();
    status.setPhase(DPUPhase.OS_INSTALLING);

    assertThat(DpuPhaseEvents.message(DPUPhase.PENDING, status)).isEqualTo("Pending -> OS Installing");
    assertThat(DpuPhaseEvents.message(DPUPhase.ERROR, status)).isEqualTo("retrying: Error -> OS Installing");
  }
}
