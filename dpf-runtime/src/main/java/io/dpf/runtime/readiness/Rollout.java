package io.dpf.runtime.readiness;

import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a workload's rollout is complete, decided as {@code kubectl rollout status} decides it
 * (kubectl's {@code polymorphichelpers/rollout_status.go}): the controller has observed the current
 * generation and every desired replica is updated and available. Counting ready replicas alone is not
 * enough: while a new pod cannot start, the old one keeps the count up.
 *
 * @param complete the rollout has finished
 * @param waitingFor what it still waits for, in kubectl's words; empty when complete
 */
public record Rollout(boolean complete, String waitingFor) {

  static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";

  public static Rollout done() {
    return new Rollout(true, "");
  }

  static Rollout waiting(String what) {
    return new Rollout(false, what);
  }

  public static Rollout of(Deployment deployment) {
    DeploymentStatus status = deployment.getStatus();
    if (status == null || !observed(deployment.getMetadata().getGeneration(), status.getObservedGeneration())) {
      return waiting("the deployment controller has not observed the current spec yet");
    }
    Optional<DeploymentCondition> deadline = status.getConditions() == null ? Optional.empty()
        : status.getConditions().stream().filter(c -> "Progressing".equals(c.getType())
            && PROGRESS_DEADLINE_EXCEEDED.equals(c.getReason())).findFirst();
    int desired = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
    int updated = count(status.getUpdatedReplicas());
    int total = count(status.getReplicas());
    int available = count(status.getAvailableReplicas());
    Rollout rollout;
    if (updated < desired) {
      rollout = waiting(updated + " of " + desired + " new replicas updated");
    } else if (total > updated) {
      rollout = waiting((total - updated) + " old replicas pending termination");
    } else if (available < updated) {
      rollout = waiting(available + " of " + updated + " updated replicas available");
    } else {
      return done();
    }
    return deadline.isPresent() ? waiting("progress deadline exceeded: " + rollout.waitingFor()) : rollout;
  }

  public static Rollout of(DaemonSet daemonSet) {
    DaemonSetStatus status = daemonSet.getStatus();
    if (status == null || !observed(daemonSet.getMetadata().getGeneration(), status.getObservedGeneration())) {
      return waiting("the daemon set controller has not observed the current spec yet");
    }
    int desired = count(status.getDesiredNumberScheduled());
    int available = count(status.getNumberAvailable());
    // kubectl judges only RollingUpdate daemon sets; with OnDelete, old pods count as long as they run.
    boolean rolling = daemonSet.getSpec().getUpdateStrategy() == null
        || daemonSet.getSpec().getUpdateStrategy().getType() == null
        || "RollingUpdate".equals(daemonSet.getSpec().getUpdateStrategy().getType());
    int updated = count(status.getUpdatedNumberScheduled());
    if (rolling && updated < desired) {
      return waiting(updated + " of " + desired + " new pods updated");
    }
    if (available < desired) {
      return waiting(available + " of " + desired + " pods available");
    }
    return done();
  }

  public static Rollout of(StatefulSet statefulSet) {
    StatefulSetStatus status = statefulSet.getStatus();
    if (status == null || count(status.getObservedGeneration()) == 0
        || !observed(statefulSet.getMetadata().getGeneration(), status.getObservedGeneration())) {
      return waiting("the statefulset controller has not observed the current spec yet");
    }
    int desired = statefulSet.getSpec().getReplicas() == null ? 1 : statefulSet.getSpec().getReplicas();
    int ready = count(status.getReadyReplicas());
    if (ready < desired) {
      return waiting(ready + " of " + desired + " pods ready");
    }
    var strategy = statefulSet.getSpec().getUpdateStrategy();
    if (strategy != null && "OnDelete".equals(strategy.getType())) {
      return done(); // kubectl cannot judge OnDelete; every pod is ready
    }
    if (strategy != null && strategy.getRollingUpdate() != null && strategy.getRollingUpdate().getPartition() != null
        && strategy.getRollingUpdate().getPartition() > 0) {
      int partitioned = desired - strategy.getRollingUpdate().getPartition();
      int updated = count(status.getUpdatedReplicas());
      return updated < partitioned ? waiting(updated + " of " + partitioned + " new pods updated (partitioned)") : done();
    }
    if (!Objects.equals(status.getUpdateRevision(), status.getCurrentRevision())) {
      return waiting(count(status.getUpdatedReplicas()) + " of " + desired + " pods at revision "
          + status.getUpdateRevision());
    }
    return done();
  }

  private static boolean observed(Long generation, Long observedGeneration) {
    return generation == null || (observedGeneration != null && generation <= observedGeneration);
  }

  private static int count(Number n) {
    return n == null ? 0 : n.intValue();
  }
}
