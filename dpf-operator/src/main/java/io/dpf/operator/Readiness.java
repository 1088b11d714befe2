package io.dpf.operator;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.runtime.readiness.WorkloadReadiness;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether a component's workloads run: Deployments, StatefulSets and DaemonSets whose rollout is
 * complete as {@code kubectl rollout status} decides it (with the cause their pods show when it is
 * stuck), DPUServices with {@code Ready=True} (with the reasons and messages of their conditions
 * that are not). Returns what is not ready, in words, for the condition message.
 */
final class Readiness {

  private final KubernetesClient client;
  private final OperatorCaches caches;

  /**
   * Reads the component-labelled workloads from the shared caches, or judges the applied copy when
   * the cache has not caught up; DPUServices from the cache, the API only for one not there.
   */
  Readiness(KubernetesClient client, OperatorCaches caches) {
    this.client = client;
    this.caches = caches;
  }

  /** @param applied a component's objects as the API server returned them from their apply */
  List<String> notReady(List<HasMetadata> applied) {
    List<String> problems = new ArrayList<>();
    for (HasMetadata object : applied) {
      String ns = object.getMetadata().getNamespace();
      String name = object.getMetadata().getName();
      HasMetadata live;
      if (object instanceof Deployment) {
        live = caches.deployments().get(ns, name);
      } else if (object instanceof StatefulSet) {
        live = caches.statefulSets().get(ns, name);
      } else if (object instanceof DaemonSet) {
        live = caches.daemonSets().get(ns, name);
      } else {
        if (object instanceof DPUService) {
          dpuServiceNotReady(ns, name).ifPresent(problems::add);
        }
        continue;
      }
      List<Pod> pods = caches.pods().list(ns);
      WorkloadReadiness.notReady(object.getKind(), name, newer(live, object), pods).ifPresent(problems::add);
    }
    return problems;
  }

  private Optional<String> dpuServiceNotReady(String ns, String name) {
    DPUService live = cachedOr(caches.dpuServices().get(ns, name),
        () -> client.resources(DPUService.class).inNamespace(ns).withName(name).get());
    if (live == null) {
      return Optional.of("DPUService " + name + " does not exist");
    }
    if (Conditions.isTrue(live.getStatus(), ConditionTypes.READY)) {
      return Optional.empty();
    }
    return Optional.of("DPUService " + name + " is not Ready: " + Conditions.whyNotReady(live.getStatus()));
  }

  /**
   * The cache may not have seen the apply that just changed a workload's spec yet: its old copy,
   * fully rolled out at the old generation, would pass for ready. The applied copy (the server's
   * answer to the apply, status included) is judged instead until the cache catches up.
   */
  private static HasMetadata newer(HasMetadata cached, HasMetadata applied) {
    if (cached == null) {
      return applied.getMetadata().getGeneration() == null ? null : applied;
    }
    Long cachedGeneration = cached.getMetadata().getGeneration();
    Long appliedGeneration = applied.getMetadata().getGeneration();
    return appliedGeneration != null && (cachedGeneration == null || appliedGeneration > cachedGeneration)
        ? applied : cached;
  }

  /** An object we apply carries the component label, so the cache holds it once it exists. */
  private static <T> T cachedOr(T cached, Supplier<T> fresh) {
    return cached != null ? cached : fresh.get();
  }
}
