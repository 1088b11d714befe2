package io.dpf.dpuservice.dpuservice;

import static io.dpf.api.conditions.ConditionTypes.DPUService.APPLICATIONS_READY;
import static io.dpf.api.conditions.ConditionTypes.DPUService.APPLICATIONS_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUService.APPLICATION_PREREQS_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUService.DPU_SERVICE_INTERFACE_RECONCILED;

import io.dpf.api.AnnotationKeys;
import io.dpf.api.Finalizers;
import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.dpuservice.clusters.DpuClusterRegistry;
import io.dpf.dpuservice.clusters.FinalizerEdits;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DPUService → one ArgoCD Application per DPU cluster (or one on the host with deployInCluster).
 * The recipe: finalizer → ArgoCD namespace → paused? → interfaces → prereqs → Applications →
 * readiness, then one status write (only when it changed). Deletion waits for the Applications.
 */
public final class DPUServiceReconciler implements Reconciler<DPUService> {

  public static final String FIELD_MANAGER = "dpuservice-manager";
  /** Owns only the skip-reconcile annotation of paused services' Applications. */
  static final String PAUSE_FIELD_MANAGER = "dpuservice-manager-pause";
  /** Fallback polls; Application and DPUCluster events normally come first. */
  static final Duration DELETION_POLL = Duration.ofSeconds(30);
  static final Duration UNREACHABLE_CLUSTER_RETRY = Duration.ofSeconds(30);

  private final KubernetesClient host;
  private final DpuClusterRegistry registry;
  private final Clock clock;
  private final ServerSideApply apply;
  private final ServerSideApply pauseApply;
  private final StatusWriter statusWriter;
  private final ApplicationPrereqs prereqs;
  private final ServiceInterfaces interfaces;
  private final DpuServiceApplicationStore applications;

  public DPUServiceReconciler(KubernetesClient host, DpuClusterRegistry registry, Clock clock) {
    this.host = host;
    this.registry = registry;
    this.clock = clock;
    this.apply = new ServerSideApply(host, FIELD_MANAGER);
    this.pauseApply = new ServerSideApply(host, PAUSE_FIELD_MANAGER);
    this.statusWriter = new StatusWriter(apply, host.getKubernetesSerialization());
    this.prereqs = new ApplicationPrereqs(host, FIELD_MANAGER);
    this.interfaces = new ServiceInterfaces(host);
    this.applications = new DpuServiceApplicationStore(host);
  }

  @Override
  public Result reconcile(DPUService service) {
    boolean paused = Boolean.TRUE.equals(service.getSpec().getPaused());
    DPUServiceStatus status = service.getStatus() == null ? new DPUServiceStatus()
        : host.getKubernetesSerialization().clone(service.getStatus());
    Conditions conditions = Conditions.of(status, service.getMetadata().getGeneration(), clock)
        .ensure(ConditionTypes.DPUService.ALL);
    if (service.getMetadata().getDeletionTimestamp() != null) {
      return paused ? Result.done() : reconcileDelete(service, status, conditions);
    }
    if (!service.getMetadata().getFinalizers().contains(Finalizers.DPU_SERVICE)) {
      FinalizerEdits.add(host, service, Finalizers.DPU_SERVICE);
      return Result.done(); // the update brings us back
    }
    try {
      return reconcileNormal(service, paused, conditions);
    } finally {
      conditions.summarize();
      status.setObservedGeneration(service.getMetadata().getGeneration());
      statusWriter.update(service, status);
    }
  }

  private Result reconcileNormal(DPUService service, boolean paused, Conditions conditions) {
    DPFOperatorConfig argoCd;
    try {
      argoCd = argoCdOwner();
    } catch (IllegalStateException e) {
      conditions.setFalse(APPLICATION_PREREQS_RECONCILED, Reasons.ERROR, e.getMessage());
      throw e; // retried with backoff; a DPFOperatorConfig event also requeues every DPUService
    }
    String argoNamespace = argoCd.getMetadata().getNamespace();
    if (paused) {
      // Stops ArgoCD; nothing else changes until the service is resumed.
      applications.ofService(service).forEach(app -> setPaused(app, true));
      return Result.done();
    }
    ServiceInterfaces.Outcome consumed = interfaces.reconcile(service);
    if (!consumed.problems().isEmpty()) {
      // Pods started without their interfaces would run unchained: nothing is deployed until they are right.
      conditions.setFalse(DPU_SERVICE_INTERFACE_RECONCILED, Reasons.ERROR, String.join("; ", consumed.problems()));
      conditions.setFalse(APPLICATIONS_RECONCILED, Reasons.PENDING, "Waiting for the DPUService's interfaces");
      return Result.requeueAfter(UNREACHABLE_CLUSTER_RETRY); // interface changes also requeue us
    }
    conditions.setTrue(DPU_SERVICE_INTERFACE_RECONCILED);

    DpuClusterRegistry.Snapshot clusters = registry.snapshot();
    List<String> prereqProblems = prereqs.reconcile(service, clusters, argoCd);
    if (prereqProblems.isEmpty()) {
      conditions.setTrue(APPLICATION_PREREQS_RECONCILED);
    } else {
      conditions.setFalse(APPLICATION_PREREQS_RECONCILED, Reasons.ERROR, String.join("; ", prereqProblems));
    }

    List<ArgoCdTarget> targets = Boolean.TRUE.equals(service.getSpec().getDeployInCluster())
        ? List.of(ArgoCdTarget.hostCluster())
        : clusters.names().stream().map(ArgoCdTarget::dpuCluster).toList();
    Map<String, Application> live = new LinkedHashMap<>();
    List<String> applyProblems = new ArrayList<>();
    for (ArgoCdTarget target : targets) {
      Application desired = DpuServiceApplications.application(service, target, argoNamespace, consumed.networks());
      try {
        Application applied = apply.apply(desired);
        if (applied.getMetadata().getAnnotations() != null
            && applied.getMetadata().getAnnotations().containsKey(AnnotationKeys.ARGOCD_SKIP_RECONCILE)) {
          applied = setPaused(applied, false); // resumed
        }
        live.put(applied.getMetadata().getName(), applied);
      } catch (RuntimeException e) {
        applyProblems.add(desired.getMetadata().getName() + ": " + e.getMessage());
      }
    }
    // Applications of clusters that are gone, or of the other deployInCluster setting.
    applications.deleteAllBut(service, live.keySet());
    if (applyProblems.isEmpty()) {
      conditions.setTrue(APPLICATIONS_RECONCILED);
    } else {
      conditions.setFalse(APPLICATIONS_RECONCILED, Reasons.ERROR, String.join("; ", applyProblems));
    }

    List<String> expected = targets.stream()
        .map(t -> Names.application(t.clusterName(), service.getMetadata().getName())).toList();
    List<String> notReady = ApplicationReadiness.notReady(expected, live, argoNamespace);
    if (notReady.isEmpty()) {
      conditions.setTrue(APPLICATIONS_READY);
    } else {
      conditions.setFalse(APPLICATIONS_READY, Reasons.PENDING, String.join(" ", notReady));
    }
    if (!applyProblems.isEmpty()) {
      throw new IllegalStateException("DPUService " + service.getMetadata().getNamespace() + "/"
          + service.getMetadata().getName() + ": " + String.join("; ", applyProblems));
    }
    return clusters.unreachable().isEmpty() && prereqProblems.isEmpty()
        ? Result.done() : Result.requeueAfter(UNREACHABLE_CLUSTER_RETRY);
  }

  private Result reconcileDelete(DPUService service, DPUServiceStatus status, Conditions conditions) {
    List<String> remaining = applications.deleteAllBut(service, List.of());
    if (!remaining.isEmpty()) {
      conditions.setFalse(APPLICATIONS_RECONCILED, Reasons.AWAITING_DELETION,
          "The following applications are awaiting deletion: " + String.join(", ", remaining));
      conditions.summarize();
      statusWriter.update(service, status);
      return Result.requeueAfter(DELETION_POLL);
    }
    interfaces.releaseAll(service);
    String namespace = service.getMetadata().getNamespace();
    boolean lastInNamespace = host.resources(DPUService.class).inNamespace(namespace).list().getItems().stream()
        .allMatch(other -> other.getMetadata().getDeletionTimestamp() != null);
    if (lastInNamespace) {
      List<String> problems = prereqs.removePullSecrets(namespace, registry.snapshot());
      if (!problems.isEmpty()) {
        throw new IllegalStateException("cannot remove pull secrets of " + namespace + ": " + problems);
      }
    }
    FinalizerEdits.remove(host, service, Finalizers.DPU_SERVICE);
    return Result.done();
  }

  /** The single DPFOperatorConfig: its namespace is ArgoCD's, and it owns the ArgoCD objects. */
  private DPFOperatorConfig argoCdOwner() {
    List<DPFOperatorConfig> configs = host.resources(DPFOperatorConfig.class).inAnyNamespace().list().getItems();
    if (configs.size() != 1) {
      throw new IllegalStateException("expected exactly one DPFOperatorConfig (its namespace is ArgoCD's), found "
          + configs.size());
    }
    return configs.get(0);
  }

  private Application setPaused(Application live, boolean paused) {
    boolean marked = live.getMetadata().getAnnotations() != null
        && live.getMetadata().getAnnotations().containsKey(AnnotationKeys.ARGOCD_SKIP_RECONCILE);
    if (marked == paused) {
      return live;
    }
    return pauseApply.apply(DpuServiceApplications.pauseMark(live.getMetadata().getName(),
        live.getMetadata().getNamespace(), paused));
  }
}
