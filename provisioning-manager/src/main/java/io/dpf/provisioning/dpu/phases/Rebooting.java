package io.dpf.provisioning.dpu.phases;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.provisioning.dpu.Installers;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseFailure;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.runtime.controller.Result;

/**
 * Rebooting: with automatic reboot (the default) the install interface restarts the DPU once;
 * Rebooted=True and the phase change are one status write, so the reset is not repeated after it is
 * recorded. Without automatic reboot the DPU waits for a person.
 */
public final class Rebooting implements PhaseHandler {

  /** On a DPU: set to "true" by a person once they rebooted the host by hand (automaticNodeReboot=false). */
  public static final String MANUAL_REBOOT_DONE = "provisioning.dpu.nvidia.com/manual-reboot-done";

  private final Installers installers;

  public Rebooting(Installers installers) {
    this.installers = installers;
  }

  @Override
  public DPUPhase phase() {
    return DPUPhase.REBOOTING;
  }

  @Override
  public Result handle(PhaseContext context) throws PhaseFailure {
    if (automatic(context.dpu().getSpec())) {
      installers.forDpu(context.dpu()).reboot(context);
    } else if (!"true".equals(context.dpu().getMetadata().getAnnotations() == null ? null
        : context.dpu().getMetadata().getAnnotations().get(MANUAL_REBOOT_DONE))) {
      context.waiting(ConditionTypes.DPU.REBOOTED, KindReasons.DPU.WAITING_FOR_MANUAL_POWER_CYCLE_OR_REBOOT,
          "reboot host " + context.dpu().getSpec().getNodeName() + " and annotate the DPU " + MANUAL_REBOOT_DONE + "=true");
      return Result.done();
    }
    context.advance(ConditionTypes.DPU.REBOOTED, DPUPhase.DPU_CLUSTER_CONFIG);
    return Result.done();
  }

  static boolean automatic(DPUSpec spec) {
    if (spec.getNodeEffect() != null && spec.getNodeEffect().getDrain() != null
        && spec.getNodeEffect().getDrain().getAutomaticNodeReboot() != null) {
      return spec.getNodeEffect().getDrain().getAutomaticNodeReboot();
    }
    return spec.getAutomaticNodeReboot() == null || spec.getAutomaticNodeReboot();
  }
}
