package io.dpf.provisioning.dpu.phases;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.NodeEffect;
import io.dpf.provisioning.dpu.NodeEffects;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.runtime.controller.Result;
import java.time.Duration;

/**
 * Node Effect: prepares the host for losing its DPU for a while: nothing, custom labels, a taint,
 * or a drain through a NodeMaintenance (waiting until it is Ready). Undone in Ready and Deleting.
 */
public final class NodeEffectPhase implements PhaseHandler {

  @Override
  public DPUPhase phase() {
    return DPUPhase.NODE_EFFECT;
  }

  @Override
  public Result handle(PhaseContext context) {
    NodeEffect effect = context.dpu().getSpec().getNodeEffect();
    if (!NodeEffects.apply(context, effect)) {
      context.waiting(ConditionTypes.DPU.NODE_EFFECT_READY, Reasons.PENDING,
          "waiting for NodeMaintenance " + context.dpu().getSpec().getNodeName() + " to be Ready (drain)");
      return Result.requeueAfter(Duration.ofSeconds(5));
    }
    context.advance(ConditionTypes.DPU.NODE_EFFECT_READY, DPUPhase.PENDING);
    // Our own status write is the event that runs the next phase, from a cache that has it.
    return Result.done();
  }
}
