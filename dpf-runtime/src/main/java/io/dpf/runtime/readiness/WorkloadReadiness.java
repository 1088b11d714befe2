package io.dpf.runtime.readiness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Optional;

/**
 * One line on a Deployment, DaemonSet or StatefulSet that is not ready: its {@link Rollout} and, when
 * its pods show one, the {@link StuckCause}. Empty when the rollout is complete. No I/O.
 */
public final class WorkloadReadiness {

  private WorkloadReadiness() {}

  /**
   * @param live the workload as the API has it; null when it does not exist
   * @param kind and {@code name} name it in the message
   * @param pods the pods of its namespace (those its selector matches are looked at)
   */
  public static Optional<String> notReady(String kind, String name, HasMetadata live, List<Pod> pods) {
    if (live == null) {
      return Optional.of(kind + " " + name + " does not exist");
    }
    Rollout rollout;
    LabelSelector selector;
    if (live instanceof Deployment d) {
      rollout = Rollout.of(d);
      selector = d.getSpec().getSelector();
    } else if (live instanceof DaemonSet d) {
      rollout = Rollout.of(d);
      selector = d.getSpec().getSelector();
    } else if (live instanceof StatefulSet s) {
      rollout = Rollout.of(s);
      selector = s.getSpec().getSelector();
    } else {
      throw new IllegalArgumentException("not a workload: " + live.getKind());
    }
    if (rollout.complete()) {
      return Optional.empty();
    }
    // An empty selector would match every pod of the namespace; the API refuses one on workloads anyway.
    Optional<String> cause = selector == null ? Optional.empty() : StuckCause.of(selector, pods);
    return Optional.of(kind + " " + name + " rollout is not complete (" + rollout.waitingFor() + ")"
        + cause.map(c -> ": " + c).orElse(""));
  }
}
