package io.dpf.provisioning.dpu;

import io.dpf.api.Finalizers;
import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.events.EventRecorder;
import io.dpf.runtime.reconcile.Finalizer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DPU phase machine (DPF's dpu controller): finalizer → (deleting? release everything) → the
 * current phase's handler → one status write if it changed. A handler's {@link PhaseFailure} sends
 * the DPU to Error with the attempt recorded; Error retries the failed phase after a capped backoff.
 */
public final class DpuReconciler implements Reconciler<DPU> {

  static final String FIELD_MANAGER = "dpu-controller";
  /** The conditions a DPU on these install paths goes through (no DMS pod, no host-network pod here). */
  static final List<String> CONDITIONS = List.of(ConditionTypes.DPU.INITIALIZED, ConditionTypes.DPU.NODE_EFFECT_READY,
      ConditionTypes.DPU.BFB_READY, ConditionTypes.DPU.OS_INSTALLED, ConditionTypes.DPU.REBOOTED, ConditionTypes.READY);
  /** Status fields the rshim host agent writes; this controller reads them and never writes them. */
  static final Set<String> AGENT_FIELDS = Set.of("hostAgent");
  private static final Duration STALE_RECHECK = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(DpuReconciler.class);

  private final KubernetesClient client;
  private final ProvisioningSettings settings;
  private final Map<DPUPhase, PhaseHandler> handlers;
  private final DpuClusterAccess clusters;
  private final Installers installers;
  private final StatusWriter statusWriter;
  private final DpuPhaseEvents events;
  private final Clock clock;

  public DpuReconciler(KubernetesClient client, ProvisioningSettings settings, List<PhaseHandler> handlers,
      DpuClusterAccess clusters, Installers installers, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.handlers = handlers.stream().collect(Collectors.toMap(PhaseHandler::phase, Function.identity()));
    this.clusters = clusters;
    this.installers = installers;
    this.clock = clock;
    this.statusWriter = new StatusWriter(new ServerSideApply(client, FIELD_MANAGER), client.getKubernetesSerialization());
    this.events = new DpuPhaseEvents(new EventRecorder(client, FIELD_MANAGER, clock));
  }

  @Override
  public Result reconcile(DPU dpu) throws Exception {
    if (statusWriter.behindOwnWrite(dpu)) {
      // The event of our own last status write is on its way; this older copy would run the phase
      // that write already finished (a second push). The requeue is only a safety net.
      return Result.requeueAfter(STALE_RECHECK);
    }
    DPUStatus status = dpu.getStatus() == null ? new DPUStatus() : client.getKubernetesSerialization().clone(dpu.getStatus());
    if (status.getPhase() == null) {
      status.setPhase(DPUPhase.INITIALIZING);
    }
    PhaseContext context = new PhaseContext(dpu, status, client, settings, clock);
    if (Finalizer.deleting(dpu)) {
      return reconcileDelete(context);
    }
    Finalizer.ensure(client, dpu, Finalizers.DPU);
    context.conditions().ensure(CONDITIONS);
    status.setInstallInterface(Installers.interfaceOf(dpu));
    DPUPhase phase = status.getPhase();
    PhaseHandler handler = handlers.getOrDefault(phase, handlers.get(DPUPhase.INITIALIZING));
    Result result;
    RetryRecord failed = null;
    try {
      result = handler.handle(context);
    } catch (PhaseFailure failure) {
      failed = new RetryRecord(RetryRecord.of(dpu).map(r -> r.attempt() + 1).orElse(1), clock.instant());
      result = fail(context, phase, failure, failed.attempt());
    }
    if (status.getPhase() != phase) {
      LOG.info("DPU {}/{}: {} -> {}", context.namespace(), context.name(), phase, status.getPhase());
    }
    context.summarizeReady();
    DPU observed = dpu;
    if (failed == null && status.getPhase() == DPUPhase.READY && RetryRecord.of(dpu).isPresent()) {
      // Before the status: whoever sees Ready must not still find the retry record. The status is
      // then written from the edited object, so its watch event counts as behind our own write.
      observed = annotateRetry(dpu, null);
    }
    statusWriter.update(observed, status, AGENT_FIELDS);
    // After the write: when it fails the reconcile runs again, and the Event must not be recorded twice.
    if (status.getPhase() != phase) {
      events.transition(dpu, phase, status);
    }
    // After the status: the annotation's watch event then finds Error in the cache, so the failed
    // phase is not re-run at once from a cache that still shows it.
    if (failed != null) {
      annotateRetry(dpu, failed.format());
    }
    return result;
  }

  private Result fail(PhaseContext context, DPUPhase phase, PhaseFailure failure, int attempt) {
    LOG.warn("DPU {}/{}: {} failed (attempt {}): {}", context.namespace(), context.name(), phase, attempt, failure.getMessage());
    context.conditions().setFalse(conditionOf(phase), failure.reason(), "attempt " + attempt + ": " + failure.getMessage());
    context.status().setPreviousPhase(phase);
    context.status().setPhase(DPUPhase.ERROR);
    return Result.requeueAfter(settings.retryDelay(attempt));
  }

  private Result reconcileDelete(PhaseContext context) throws Exception {
    if (!Finalizer.has(context.dpu(), Finalizers.DPU)) {
      return Result.done();
    }
    if (context.status().getPhase() != DPUPhase.DELETING) {
      context.status().setPreviousPhase(context.status().getPhase());
      context.status().setPhase(DPUPhase.DELETING);
      statusWriter.update(context.dpu(), context.status(), AGENT_FIELDS);
      events.transition(context.dpu(), context.status().getPreviousPhase(), context.status());
    }
    installers.release(context);
    NodeEffects.release(context, context.dpu().getSpec().getNodeEffect());
    if (context.dpu().getSpec().getCluster() != null && context.dpu().getSpec().getCluster().getName() != null) {
      try {
        clusters.clientFor(client, context.dpu()).nodes().withName(context.name()).delete();
      } catch (PhaseFailure | RuntimeException unreachable) {
        // A DPU cluster that is gone has no Node to remove; that must not keep the DPU forever.
        LOG.info("DPU {}/{}: Node not removed from its DPU cluster: {}", context.namespace(), context.name(),
            unreachable.getMessage());
      }
    }
    Files.deleteIfExists(settings.bfbDir().resolve(Names.bfCfgFile(context.name())));
    Finalizer.remove(client, context.dpu(), Finalizers.DPU);
    return Result.done();
  }

  /** Sets or (null) removes the retry record; returns the DPU as the edit left it. */
  private DPU annotateRetry(DPU dpu, String value) {
    return client.resources(DPU.class).inNamespace(dpu.getMetadata().getNamespace()).withName(dpu.getMetadata().getName())
        .edit(live -> {
          if (value == null) {
            if (live.getMetadata().getAnnotations() != null) {
              live.getMetadata().getAnnotations().remove(RetryRecord.ANNOTATION);
            }
          } else {
            Map<String, String> annotations = live.getMetadata().getAnnotations() == null
                ? new HashMap<>() : new HashMap<>(live.getMetadata().getAnnotations());
            annotations.put(RetryRecord.ANNOTATION, value);
            live.getMetadata().setAnnotations(annotations);
          }
          return live;
        });
  }

  /** The condition that reports a phase's work; Ready for the phases after the reboot. */
  static String conditionOf(DPUPhase phase) {
    return switch (phase) {
      case INITIALIZING -> ConditionTypes.DPU.INITIALIZED;
      case NODE_EFFECT -> ConditionTypes.DPU.NODE_EFFECT_READY;
      case PENDING -> ConditionTypes.DPU.BFB_READY;
      case OS_INSTALLING -> ConditionTypes.DPU.OS_INSTALLED;
      case REBOOTING -> ConditionTypes.DPU.REBOOTED;
      default -> ConditionTypes.READY;
    };
  }
}
