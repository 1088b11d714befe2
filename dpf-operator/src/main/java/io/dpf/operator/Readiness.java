package io.dpf.operator;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a component's workloads run: Deployments and StatefulSets with every replica ready,
 * DaemonSets ready on every scheduled node, DPUServices with {@code Ready=True}. Returns what is
 * not ready, in words, for the condition message.
 */
final class Readiness {

  private final KubernetesClient client;

  Readiness(KubernetesClient client) {
    this.client = client;
  }

  List<String> notReady(List<HasMetadata> rendered) {
    List<String> problems = new ArrayList<>();
    for (HasMetadata object : rendered) {
      String ns = object.getMetadata().getNamespace();
      String name = object.getMetadata().getName();
      if (object instanceof Deployment) {
        Deployment live = client.apps().deployments().inNamespace(ns).withName(name).get();
        int want = live == null || live.getSpec().getReplicas() == null ? 1 : live.getSpec().getReplicas();
        int ready = live == null || live.getStatus() == null ? 0 : Objects.requireNonNullElse(live.getStatus().getReadyReplicas(), 0);
        if (ready < want) {
          problems.add("Deployment " + name + " has " + ready + "/" + want + " ready replicas");
        }
      } else if (object instanceof StatefulSet) {
        StatefulSet live = client.apps().statefulSets().inNamespace(ns).withName(name).get();
        int want = live == null || live.getSpec().getReplicas() == null ? 1 : live.getSpec().getReplicas();
        int ready = live == null || live.getStatus() == null ? 0 : Objects.requireNonNullElse(live.getStatus().getReadyReplicas(), 0);
        if (ready < want) {
          problems.add("StatefulSet " + name + " has " + ready + "/" + want + " ready replicas");
        }
      } else if (object instanceof DaemonSet) {
        DaemonSet live = client.apps().daemonSets().inNamespace(ns).withName(name).get();
        if (live == null || live.getStatus() == null
            || !Objects.equals(live.getStatus().getNumberReady(), live.getStatus().getDesiredNumberScheduled())) {
          problems.add("DaemonSet " + name + " is not ready on every node");
        }
      } else if (object instanceof DPUService) {
        DPUService live = client.resources(DPUService.class).inNamespace(ns).withName(name).get();
        if (live == null || live.getStatus() == null || !Conditions.isTrue(live.getStatus(), ConditionTypes.READY)) {
          problems.add("DPUService " + name + " is not Ready");
        }
      }
    }
    return problems;
  }
}
