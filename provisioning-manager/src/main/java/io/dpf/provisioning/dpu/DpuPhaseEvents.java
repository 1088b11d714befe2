package io.dpf.provisioning.dpu;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.dpf.runtime.events.EventRecorder;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.Optional;

/**
 * One Event per phase change of a DPU, so {@code kubectl describe dpu} tells its story without the
 * manager's log: Normal while it progresses, Warning when it enters Error, with the cause. The
 * reason is the phase entered, without spaces ({@code OSInstalling}, {@code DPUClusterConfig},
 * {@code Error}), like the condition-type reasons of the operator's events.
 */
final class DpuPhaseEvents {

  static final String NORMAL = "Normal";
  static final String WARNING = "Warning";

  private final EventRecorder recorder;

  DpuPhaseEvents(EventRecorder recorder) {
    this.recorder = recorder;
  }

  /** Records that {@code dpu} left {@code from} for {@code status.phase}; call after the status was written. */
  void transition(DPU dpu, DPUPhase from, DPUStatus status) {
    DPUPhase to = status.getPhase();
    recorder.record(dpu, to == DPUPhase.ERROR ? WARNING : NORMAL, reason(to), message(from, status));
  }

  static String reason(DPUPhase phase) {
    return phase.value().replace(" ", "");
  }

  /**
   * "Pending -> OS Installing"; entering Error, the failed phase's condition as the status shows it
   * (attempt and cause; the Event says nothing the status does not); leaving Error, the retry.
   */
  static String message(DPUPhase from, DPUStatus status) {
    DPUPhase to = status.getPhase();
    if (to == DPUPhase.ERROR) {
      return from.value() + " failed" + failedCondition(from, status)
          .map(c -> " (" + c.getType() + " " + c.getReason() + "): " + c.getMessage()).orElse("");
    }
    return (from == DPUPhase.ERROR ? "retrying: " : "") + from.value() + " -> " + to.value();
  }

  private static Optional<Condition> failedCondition(DPUPhase failed, DPUStatus status) {
    String type = DpuReconciler.conditionOf(failed);
    return status.getConditions() == null ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
