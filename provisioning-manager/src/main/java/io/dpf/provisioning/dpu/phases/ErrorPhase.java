package io.dpf.provisioning.dpu.phases;

import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.provisioning.dpu.PhaseContext;
import io.dpf.provisioning.dpu.PhaseHandler;
import io.dpf.provisioning.dpu.RetryRecord;
import io.dpf.runtime.controller.Result;
import java.time.Duration;
import java.time.Instant;

/**
 * Error: waits out the backoff of the failed attempt (capped, doubling), then returns to the phase
 * that failed. DPF stays in Error forever and the user must delete the DPU (issue #40).
 */
public final class ErrorPhase implements PhaseHandler {

  @Override
  public DPUPhase phase() {
    return DPUPhase.ERROR;
  }

  @Override
  public Result handle(PhaseContext context) {
    DPUPhase failed = context.status().getPreviousPhase() == null ? DPUPhase.INITIALIZING
        : context.status().getPreviousPhase();
    RetryRecord record = RetryRecord.of(context.dpu()).orElse(new RetryRecord(1, context.clock().instant()));
    Instant due = record.failedAt().plus(context.settings().retryDelay(record.attempt()));
    Instant now = context.clock().instant();
    if (now.isBefore(due)) {
      context.detail("attempt " + record.attempt() + " of phase " + failed.value() + " failed; retrying at " + due);
      return Result.requeueAfter(Duration.between(now, due));
    }
    context.status().setPhase(failed);
    context.status().setPreviousPhase(DPUPhase.ERROR);
    return Result.done();
  }
}
