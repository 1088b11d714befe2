package io.dpf.provisioning.dpu;

import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.runtime.controller.Result;

/**
 * One phase of a DPU's life (DPF's {@code state.handle(dpu)}). It reads the world, edits
 * {@code context.status()} (moving to the next phase when its work is done) and says when to look
 * again. It throws {@link PhaseFailure} for what a retry may fix.
 */
public interface PhaseHandler {

  DPUPhase phase();

  Result handle(PhaseContext context) throws PhaseFailure;
}
