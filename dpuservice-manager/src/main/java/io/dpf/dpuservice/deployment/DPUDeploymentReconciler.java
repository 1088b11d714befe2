package io.dpf.dpuservice.deployment;

import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.DPU_SERVICES_READY;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.DPU_SERVICES_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.DPU_SERVICE_CHAINS_READY;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.DPU_SERVICE_CHAINS_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.DPU_SERVICE_INTERFACES_READY;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.DPU_SERVICE_INTERFACES_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.DPU_SETS_READY;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.DPU_SETS_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.PREREQUISITES_READY;
import static io.dpf.api.conditions.ConditionTypes.DPUDeployment.RESOURCE_FITTING_READY;

import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.HasConditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUDeploymentServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUDeploymentStatus;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.runtime.reconcile.Prune;
import io.dpf.runtime.reconcile.StatusScope;
import io.dpf.runtime.reconcile.Statuses;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DPUDeployment → DPUServiceInterfaces, DPUServices, a DPUServiceChain and DPUSets, owned and
 * labelled {@code svc.dpu.nvidia.com/owned-by-dpudeployment}. Recipe: prerequisites → resource
 * fitting → children applied (those no longer desired deleted) → readiness; deletion deletes the
 * children and waits for them.
 */
public final class DPUDeploymentReconciler implements Reconciler<DPUDeployment> {

  public static final String FIELD_MANAGER = "dpudeployment-controller";
  /** Every kind a DPUDeployment owns, in the order they are pruned. */
  public static final List<Class<? extends HasMetadata>> CHILD_KINDS = List.of(DPUSet.class, DPUServiceChain.class,
      DPUService.class, DPUServiceInterface.class);
  static final Duration DELETION_POLL = Duration.ofSeconds(10);

  private final KubernetesClient host;
  private final Clock clock;
  private final ServerSideApply apply;
  private final Statuses statuses;
  private final DependencyLabels dependencies;

  public DPUDeploymentReconciler(KubernetesClient host, Clock clock) {
    this.host = host;
    this.clock = clock;
    this.apply = new ServerSideApply(host, FIELD_MANAGER);
    this.statuses = Statuses.of(host, FIELD_MANAGER, clock);
    this.dependencies = new DependencyLabels(host);
  }

  @Override
  public Result reconcile(DPUDeployment deployment) {
    if (Finalizer.ensure(host, deployment, Finalizers.DPU_DEPLOYMENT)) {
      return Result.done();
    }
    try (StatusScope<DPUDeploymentStatus> scope = statuses.open(deployment, DPUDeploymentStatus::new,
        ConditionTypes.DPUDeployment.ALL)) {
      if (Finalizer.deleting(deployment)) {
        List<String> remaining = deleteChildrenBut(deployment, Set.of());
        if (remaining.isEmpty()) {
          dependencies.releaseAll(deployment);
          Finalizer.remove(host, deployment, Finalizers.DPU_DEPLOYMENT);
          scope.skipWrite();
          return Result.done();
        }
        scope.conditions().setFalse(DPU_SERVICES_RECONCILED, Reasons.AWAITING_DELETION,
            "The following objects are awaiting deletion: " + String.join(", ", remaining));
        return Result.requeueAfter(DELETION_POLL);
      }
      Result result = reconcileNormal(deployment, scope.conditions());
      scope.succeeded();
      return result;
    }
  }

  private Result reconcileNormal(DPUDeployment deployment, Conditions conditions) {
    String namespace = deployment.getMetadata().getNamespace();
    List<String> missing = new ArrayList<>();
    List<HasMetadata> used = new ArrayList<>();
    BFB bfb = get(BFB.class, namespace, deployment.getSpec().getDpus().getBfb());
    if (bfb == null) {
      missing.add("BFB " + deployment.getSpec().getDpus().getBfb());
    } else {
      used.add(bfb);
    }
    DPUFlavor flavor = get(DPUFlavor.class, namespace, deployment.getSpec().getDpus().getFlavor());
    if (flavor == null) {
      missing.add("DPUFlavor " + deployment.getSpec().getDpus().getFlavor());
    } else {
      used.add(flavor);
    }
    Map<String, DPUServiceTemplate> templates = new LinkedHashMap<>();
    Map<String, DPUServiceConfiguration> configurations = new LinkedHashMap<>();
    for (Map.Entry<String, DPUDeploymentServiceConfiguration> service : deployment.getSpec().getServices().entrySet()) {
      DPUServiceTemplate template = get(DPUServiceTemplate.class, namespace, service.getValue().getServiceTemplate());
      DPUServiceConfiguration configuration = get(DPUServiceConfiguration.class, namespace,
          service.getValue().getServiceConfiguration());
      if (template == null) {
        missing.add("DPUServiceTemplate " + service.getValue().getServiceTemplate());
      } else {
        templates.put(service.getKey(), template);
        used.add(template);
      }
      if (configuration == null) {
        missing.add("DPUServiceConfiguration " + service.getValue().getServiceConfiguration());
      } else {
        configurations.put(service.getKey(), configuration);
        used.add(configuration);
      }
    }
    dependencies.reconcile(deployment, used);
    if (!missing.isEmpty()) {
      conditions.setFalse(PREREQUISITES_READY, Reasons.PENDING, "Waiting for " + String.join(", ", missing));
      return Result.requeueAfter(DELETION_POLL); // their creation is also watched
    }
    conditions.setTrue(PREREQUISITES_READY);
    List<String> misfits = ResourceFitting.misfits(flavor.getSpec(), templates.values());
    if (!misfits.isEmpty()) {
      // Terminal: flavors and templates are meant to be replaced, not edited.
      conditions.setFalse(RESOURCE_FITTING_READY, Reasons.FAILURE,
          "The services do not fit on a DPU of flavor " + flavor.getMetadata().getName() + ": " + String.join("; ", misfits));
      return Result.done();
    }
    conditions.setTrue(RESOURCE_FITTING_READY);

    List<HasMetadata> desired = DpuDeploymentChildren.render(new DpuDeploymentInputs(deployment, flavor, templates,
        configurations));
    List<HasMetadata> live = new ArrayList<>();
    desired.forEach(child -> live.add(apply.apply(child)));
    deleteChildrenBut(deployment, desired.stream().map(DPUDeploymentReconciler::key).collect(Collectors.toSet()));
    report(conditions, live, DPUServiceInterface.class, DPU_SERVICE_INTERFACES_RECONCILED, DPU_SERVICE_INTERFACES_READY);
    report(conditions, live, DPUService.class, DPU_SERVICES_RECONCILED, DPU_SERVICES_READY);
    report(conditions, live, DPUServiceChain.class, DPU_SERVICE_CHAINS_RECONCILED, DPU_SERVICE_CHAINS_READY);
    conditions.setTrue(DPU_SETS_RECONCILED);
    List<String> provisioning = live.stream().filter(DPUSet.class::isInstance).map(DPUSet.class::cast)
        .filter(set -> !allDpusReady(set)).map(set -> set.getMetadata().getName()).toList();
    if (provisioning.isEmpty()) {
      conditions.setTrue(DPU_SETS_READY);
    } else {
      conditions.setFalse(DPU_SETS_READY, Reasons.PENDING, "DPUSets with DPUs not yet Ready: " + String.join(", ", provisioning));
    }
    return Result.done();
  }

  /** A DPUSet is ready once its controller counted its DPUs and every one of them is Ready. */
  static boolean allDpusReady(DPUSet set) {
    if (set.getStatus() == null || set.getStatus().getDpuStatistics() == null) {
      return false;
    }
    Map<String, Integer> statistics = set.getStatus().getDpuStatistics();
    int total = statistics.values().stream().mapToInt(Integer::intValue).sum();
    return statistics.getOrDefault("Ready", 0) == total;
  }

  /** Children of one kind were all applied; ready when each reports Ready. */
  private static void report(Conditions conditions, List<HasMetadata> live, Class<?> kind, String reconciled,
      String ready) {
    conditions.setTrue(reconciled);
    List<String> notReady = live.stream().filter(kind::isInstance)
        .filter(child -> !(child instanceof CustomResource<?, ?> resource
            && resource.getStatus() instanceof HasConditions status && Conditions.isTrue(status, ConditionTypes.READY)))
        .map(child -> child.getMetadata().getName()).toList();
    if (notReady.isEmpty()) {
      conditions.setTrue(ready);
    } else {
      conditions.setFalse(ready, Reasons.PENDING, kind.getSimpleName() + "s not ready: " + String.join(", ", notReady));
    }
  }

  /** Deletes owned children not in {@code keep} (once); returns those that still exist. */
  private List<String> deleteChildrenBut(DPUDeployment deployment, Set<String> keep) {
    String owner = Names.ownedByDpuDeployment(deployment.getMetadata().getNamespace(), deployment.getMetadata().getName());
    List<String> remaining = new ArrayList<>();
    for (Class<? extends HasMetadata> kind : CHILD_KINDS) {
      remaining.addAll(Prune.deleteAllBut(host, host.resources(kind).inNamespace(deployment.getMetadata().getNamespace())
          .withLabel(LabelKeys.OWNED_BY_DPU_DEPLOYMENT, owner).list().getItems(), child -> keep.contains(key(child))));
    }
    return remaining;
  }

  private <T extends HasMetadata> T get(Class<T> kind, String namespace, String name) {
    return name == null ? null : host.resources(kind).inNamespace(namespace).withName(name).get();
  }

  private static String key(HasMetadata object) {
    return object.getKind() + "/" + object.getMetadata().getName();
  }
}
