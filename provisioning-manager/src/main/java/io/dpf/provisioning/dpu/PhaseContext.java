package io.dpf.provisioning.dpu;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.dpf.provisioning.ProvisioningSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/** What a phase handler works with: the DPU as observed, the status it builds, and the host cluster. */
public final class PhaseContext {

  private final DPU dpu;
  private final DPUStatus status;
  private final Conditions conditions;
  private final KubernetesClient client;
  private final ProvisioningSettings settings;
  private final Clock clock;
  private String detail;

  public PhaseContext(DPU dpu, DPUStatus status, KubernetesClient client, ProvisioningSettings settings, Clock clock) {
    this.dpu = dpu;
    this.status = status;
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.conditions = Conditions.of(status, dpu.getMetadata().getGeneration(), clock);
  }

  public DPU dpu() {
    return dpu;
  }

  public String namespace() {
    return dpu.getMetadata().getNamespace();
  }

  public String name() {
    return dpu.getMetadata().getName();
  }

  /** The status being built; a fresh copy of the observed one. */
  public DPUStatus status() {
    return status;
  }

  public Conditions conditions() {
    return conditions;
  }

  public KubernetesClient client() {
    return client;
  }

  public ProvisioningSettings settings() {
    return settings;
  }

  public Clock clock() {
    return clock;
  }

  /** Marks this phase's condition done and moves on; the phase left is remembered for Error reports. */
  public void advance(String doneCondition, DPUPhase next) {
    if (doneCondition != null) {
      conditions.setTrue(doneCondition);
    }
    status.setPreviousPhase(status.getPhase());
    status.setPhase(next);
  }

  /** This phase waits: its condition False with a reason saying for what. */
  public void waiting(String condition, String reason, String message) {
    conditions.setFalse(condition, reason, message);
  }

  /** Ready mirrors the phase: True only in Ready; otherwise it says which phase the DPU is in. */
  public void summarizeReady() {
    if (status.getPhase() == DPUPhase.READY) {
      return;
    }
    String reason = status.getPhase() == DPUPhase.ERROR ? Reasons.ERROR : Reasons.PENDING;
    conditions.setFalse(ConditionTypes.READY, reason, "DPU is in phase " + status.getPhase().value()
        + (detail == null ? "" : ": " + detail));
  }

  /** What the current phase waits for, shown in the Ready condition's message. */
  public void detail(String text) {
    this.detail = text;
  }
}
