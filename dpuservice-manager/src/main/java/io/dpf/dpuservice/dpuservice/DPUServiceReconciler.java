package io.dpf.dpuservice.dpuservice;

import static io.dpf.api.conditions.ConditionTypes.DPUService.APPLICATIONS_READY;
import static io.dpf.api.conditions.ConditionTypes.DPUService.APPLICATIONS_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUService.APPLICATION_PREREQS_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUService.DPU_SERVICE_INTERFACE_RECONCILED;

import io.dpf.api.AnnotationKeys;
import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProject;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.dpuservice.clusters.DpuClusterRegistry;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.runtime.reconcile.StatusScope;
import io.dpf.runtime.reconcile.Statuses;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DPUService → one ArgoCD Application per DPU cluster (or one on the host with deployInCluster).
 * The recipe: finalizer → ArgoCD namespace → paused? → interfaces → prereqs → Applications →
 * readiness, then one status write (only when it changed). Deletion waits for the Applications.
 */
public final class DPUServiceReconciler implements Reconciler<DPUService> {

  public static final String FIELD_MANAGER = "dpuservice-controller";
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
  private final Statuses statuses;
  private final ApplicationPrereqs prereqs;
  private final ServiceInterfaces interfaces;
  private final DpuServiceApplicationStore applications;
  private final Caches caches;
  private final ResourceKey operatorConfig;

  /**
   * What the reconciler reads from the manager's shared caches instead of the API: besides the kinds
   * it watches, Argo CD's AppProjects and our cluster Secrets in Argo CD's namespace, and the
   * namespaces' image pull secrets, so that the prerequisites of an unchanged world cost no read.
   */
  public record Caches(KindCache<DPUService> services, KindCache<DPFOperatorConfig> configs,
      KindCache<Application> applications, KindCache<DPUServiceInterface> interfaces,
      KindCache<AppProject> projects, KindCache<Secret> argoCdClusterSecrets, KindCache<Secret> pullSecrets) {}

  /** The scope of {@link Caches#argoCdClusterSecrets}: the cluster Secrets this manager writes. */
  public static final String ARGOCD_CLUSTER_SECRETS = LabelKeys.ARGOCD_SECRET_TYPE + "="
      + LabelKeys.ARGOCD_SECRET_TYPE_CLUSTER + "," + LabelKeys.COMPONENT + "=" + ArgoCdObjects.COMPONENT;

  /** @param operatorConfig the operator's DPFOperatorConfig, by its configured namespace and name */
  public DPUServiceReconciler(KubernetesClient host, DpuClusterRegistry registry, Clock clock, Caches caches,
      ResourceKey operatorConfig) {
    this.caches = caches;
    this.operatorConfig = operatorConfig;
    this.host = host;
    this.registry = registry;
    this.clock = clock;
    this.apply = new ServerSideApply(host, FIELD_MANAGER);
    this.pauseApply = new ServerSideApply(host, PAUSE_FIELD_MANAGER);
    this.statuses = Statuses.of(host, FIELD_MANAGER, clock);
    this.prereqs = new ApplicationPrereqs(host, FIELD_MANAGER, caches, registry);
    this.interfaces = new ServiceInterfaces(host, caches.interfaces());
    this.applications = new DpuServiceApplicationStore(host, caches.applications());
  }

  @Override
  public Result reconcile(DPUService service) {
    boolean paused = Boolean.TRUE.equals(service.getSpec().getPaused());
    if (Finalizer.deleting(service)) {
      if (paused) {
        return Result.done();
      }
      try (StatusScope<DPUServiceStatus> scope = open(service)) {
        return reconcileDelete(service, scope);
      }
    }
    if (Finalizer.ensure(host, service, Finalizers.DPU_SERVICE)) {
      return Result.done(); // the update brings us back
    }
    try (StatusScope<DPUServiceStatus> scope = open(service)) {
      Result result = reconcileNormal(service, paused, scope.conditions());
      scope.succeeded();
      return result;
    }
  }

  private StatusScope<DPUServiceStatus> open(DPUService service) {
    return statuses.open(service, DPUServiceStatus::new, ConditionTypes.DPUService.ALL);
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

    boolean onHost = Boolean.TRUE.equals(service.getSpec().getDeployInCluster());
    List<ArgoCdTarget> targets = onHost
        ? List.of(ArgoCdTarget.hostCluster())
        : clusters.names().stream().map(ArgoCdTarget::dpuCluster).toList();
    // DPU clusters that exist but cannot be reached (kubeconfig Secret gone or broken): their
    // Applications stay as they are, and their readiness is unknown, never True.
    Map<String, String> unevaluated = onHost ? Map.of() : clusters.unreachable();
    Map<String, Application> live = new LinkedHashMap<>();
    List<String> applyProblems = new ArrayList<>();
    for (ArgoCdTarget target : targets) {
      Application desired = DpuServiceApplications.application(service, target, argoNamespace, consumed.networks());
      try {
        Application applied = apply.apply(desired,
            caches.applications().get(argoNamespace, desired.getMetadata().getName()));
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
    Set<String> kept = new HashSet<>(live.keySet());
    unevaluated.keySet().forEach(cluster -> kept.add(Names.application(cluster, service.getMetadata().getName())));
    applications.deleteAllBut(service, kept);
    if (applyProblems.isEmpty()) {
      conditions.setTrue(APPLICATIONS_RECONCILED);
    } else {
      conditions.setFalse(APPLICATIONS_RECONCILED, Reasons.ERROR, String.join("; ", applyProblems));
    }

    List<String> expected = targets.stream()
        .map(t -> Names.application(t.clusterName(), service.getMetadata().getName())).toList();
    List<String> notReady = new ArrayList<>(ApplicationReadiness.notReady(expected, live, argoNamespace));
    notReady.addAll(ApplicationReadiness.unevaluated(unevaluated, service.getMetadata().getName()));
    if (notReady.isEmpty()) {
      conditions.setTrue(APPLICATIONS_READY);
    } else {
      // Unknown only when nothing is known to be unready: what could not be looked at is not True.
      boolean onlyUnknown = notReady.size() == unevaluated.size();
      conditions.set(APPLICATIONS_READY, onlyUnknown ? Conditions.STATUS_UNKNOWN : Conditions.STATUS_FALSE,
          Reasons.PENDING, String.join(" ", notReady));
    }
    if (!applyProblems.isEmpty()) {
      throw new IllegalStateException("DPUService " + service.getMetadata().getNamespace() + "/"
          + service.getMetadata().getName() + ": " + String.join("; ", applyProblems));
    }
    return clusters.unreachable().isEmpty() && prereqProblems.isEmpty()
        ? Result.done() : Result.requeueAfter(UNREACHABLE_CLUSTER_RETRY);
  }

  private Result reconcileDelete(DPUService service, StatusScope<DPUServiceStatus> scope) {
    List<String> remaining = applications.deleteAllBut(service, List.of());
    if (!remaining.isEmpty()) {
      scope.conditions().setFalse(APPLICATIONS_RECONCILED, Reasons.AWAITING_DELETION,
          "The following applications are awaiting deletion: " + String.join(", ", remaining));
      return Result.requeueAfter(DELETION_POLL);
    }
    interfaces.releaseAll(service);
    String namespace = service.getMetadata().getNamespace();
    boolean lastInNamespace = caches.services().list(namespace).stream()
        .allMatch(other -> other.getMetadata().getDeletionTimestamp() != null);
    if (lastInNamespace) {
      List<String> problems = prereqs.removePullSecrets(namespace, registry.snapshot());
      if (!problems.isEmpty()) {
        // A DPU cluster that cannot be reached now, or refused: its copies must not outlive the service.
        scope.conditions().setFalse(APPLICATIONS_RECONCILED, Reasons.AWAITING_DELETION,
            "The image pull secrets of namespace " + namespace + " are awaiting deletion: " + String.join("; ", problems));
        return Result.requeueAfter(DELETION_POLL);
      }
    }
    Finalizer.remove(host, service, Finalizers.DPU_SERVICE);
    scope.skipWrite();
    return Result.done();
  }

  /**
   * The operator's DPFOperatorConfig, found by its configured name and namespace (never by counting:
   * a stray second config must not stop every DPUService): its namespace is ArgoCD's, and it owns the
   * ArgoCD objects.
   */
  private DPFOperatorConfig argoCdOwner() {
    DPFOperatorConfig config = caches.configs().get(operatorConfig);
    if (config == null) {
      throw new IllegalStateException("DPFOperatorConfig " + operatorConfig.namespace() + "/" + operatorConfig.name()
          + " (its namespace is ArgoCD's) does not exist");
    }
    return config;
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
