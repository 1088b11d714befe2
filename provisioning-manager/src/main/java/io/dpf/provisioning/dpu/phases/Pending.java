package io.dpf.provisioning.dpu.phases;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.BFBPhase;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.Result;
import java.time.Duration;

/** Pending: waits for the BFB to be downloaded (and the flavor to exist, which bf.cfg is rendered from). */
public final class Pending implements PhaseHandler {

  private final KindCache<BFB> bfbs;
  private final KindCache<DPUFlavor> flavors;

  /** Both from the manager's caches (the BFB and DPUFlavor controllers' own): the 5 s recheck sees changes. */
  public Pending(KindCache<BFB> bfbs, KindCache<DPUFlavor> flavors) {
    this.bfbs = bfbs;
    this.flavors = flavors;
  }

  @Override
  public DPUPhase phase() {
    return DPUPhase.PENDING;
  }

  @Override
  public Result handle(PhaseContext context) {
    BFB bfb = bfbs.get(context.namespace(), context.dpu().getSpec().getBfb());
    if (bfb == null || bfb.getStatus() == null || bfb.getStatus().getPhase() != BFBPhase.READY) {
      String state = bfb == null ? "does not exist" : "is " + (bfb.getStatus() == null ? "new" : bfb.getStatus().getPhase());
      context.waiting(ConditionTypes.DPU.BFB_READY, KindReasons.DPU.BFB_IS_NOT_READY,
          "BFB " + context.dpu().getSpec().getBfb() + " " + state);
      return Result.requeueAfter(Duration.ofSeconds(5));
    }
    if (context.dpu().getSpec().getDpuFlavor() == null
        || flavors.get(context.namespace(), context.dpu().getSpec().getDpuFlavor()) == null) {
      context.waiting(ConditionTypes.DPU.BFB_READY, KindReasons.DPU.BFB_IS_NOT_READY,
          "DPUFlavor " + context.dpu().getSpec().getDpuFlavor() + " does not exist");
      return Result.requeueAfter(Duration.ofSeconds(5));
    }
    context.status().setBfbVersion(bfb.getSpec().getUrl().replaceAll(".*/", "").replaceAll("\\.bfb$", ""));
    context.advance(ConditionTypes.DPU.BFB_READY, DPUPhase.OS_INSTALLING);
    // Our own status write is the event that runs the next phase, from a cache that has it.
    return Result.done();
  }
}
