package io.dpf.runtime.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl rollout status's rules and the stuck cause, on fixtures shaped as the API returns them. */
class RolloutTest {

  static final KubernetesSerialization YAML = new KubernetesSerialization();

  static <T> T load(String name, Class<T> type) {
    return YAML.unmarshal(RolloutTest.class.getResourceAsStream("/readiness/" + name), type);
  }

  static List<Pod> pods() {
    return load("pods.yaml", KubernetesList.class).getItems().stream().map(Pod.class::cast).toList();
  }

  static DaemonSet daemonSet(String name) {
    return load("daemonsets.yaml", KubernetesList.class).getItems().stream()
        .filter(d -> d.getMetadata().getName().equals(name)).map(DaemonSet.class::cast).findFirst().orElseThrow();
  }

  @Test
  void aDeploymentWithItsOldPodReadyButTheNewOneStuckIsNotRolledOut() {
    Deployment stuck = load("deployment-stuck.yaml", Deployment.class);

    assertThat(Rollout.of(stuck)).isEqualTo(new Rollout(false, "1 old replicas pending termination"));
    assertThat(WorkloadReadiness.notReady("Deployment", "dpf-provisioning-controller-manager", stuck, pods()))
        .hasValue("Deployment dpf-provisioning-controller-manager rollout is not complete (1 old replicas pending "
            + "termination): pod provisioning-new cannot be scheduled (Unschedulable): 0/2 nodes are available: "
            + "persistentvolumeclaim \"no-such-pvc\" not found. preemption: 0/2 nodes are available: 2 Preemption is "
            + "not helpful for scheduling.");
  }

  @Test
  void aDeploymentIsCompleteOnlyWhenTheCurrentGenerationIsUpdatedAndAvailable() {
    Deployment complete = load("deployment-complete.yaml", Deployment.class);
    assertThat(Rollout.of(complete).complete()).isTrue();
    assertThat(WorkloadReadiness.notReady("Deployment", "d", complete, pods())).isEmpty();

    complete.getMetadata().setGeneration(3L);
    assertThat(Rollout.of(complete))
        .isEqualTo(new Rollout(false, "the deployment controller has not observed the current spec yet"));
    complete.getMetadata().setGeneration(2L);
    complete.getStatus().setUpdatedReplicas(1);
    assertThat(Rollout.of(complete).waitingFor()).isEqualTo("1 of 2 new replicas updated");
    complete.getStatus().setUpdatedReplicas(2);
    complete.getStatus().setAvailableReplicas(1);
    assertThat(Rollout.of(complete).waitingFor()).isEqualTo("1 of 2 updated replicas available");
    complete.getStatus().setConditions(List.of(new DeploymentConditionBuilder()
        .withType("Progressing").withStatus("False").withReason("ProgressDeadlineExceeded").build()));
    assertThat(Rollout.of(complete).waitingFor())
        .isEqualTo("progress deadline exceeded: 1 of 2 updated replicas available");
    complete.setStatus(null);
    assertThat(Rollout.of(complete).complete()).isFalse();
  }

  @Test
  void aDaemonSetCountsUpdatedAndAvailablePodsOfTheObservedGeneration() {
    assertThat(Rollout.of(daemonSet("half-updated"))).isEqualTo(new Rollout(false, "1 of 2 new pods updated"));
    assertThat(Rollout.of(daemonSet("not-observed")).complete()).isFalse();
    assertThat(Rollout.of(daemonSet("complete")).complete()).isTrue();
    // OnDelete: old pods are what the user asked for, as long as they are available.
    assertThat(Rollout.of(daemonSet("ondelete")).complete()).isTrue();
    DaemonSet unavailable = daemonSet("complete");
    unavailable.getStatus().setNumberAvailable(2);
    assertThat(Rollout.of(unavailable)).isEqualTo(new Rollout(false, "2 of 3 pods available"));
  }

  @Test
  void aStatefulSetWaitsForReadyPodsAndTheUpdateRevision() {
    StatefulSet set = new StatefulSetBuilder().withNewMetadata().withName("argocd-application-controller")
        .withGeneration(2L).endMetadata().withNewSpec().withReplicas(1).endSpec()
        .withNewStatus().withObservedGeneration(2L).withReplicas(1).withReadyReplicas(1).withUpdatedReplicas(0)
        .withCurrentRevision("r1").withUpdateRevision("r2").endStatus().build();
    assertThat(Rollout.of(set)).isEqualTo(new Rollout(false, "0 of 1 pods at revision r2"));
    set.getStatus().setCurrentRevision("r2");
    assertThat(Rollout.of(set).complete()).isTrue();
    set.getStatus().setReadyReplicas(0);
    assertThat(Rollout.of(set)).isEqualTo(new Rollout(false, "0 of 1 pods ready"));
  }

  @Test
  void theCauseIsTheKubeletsOrTheSchedulersWordsOnThePod() {
    List<Pod> pods = pods();
    assertThat(StuckCause.of(pod(pods, "telemetry-abcde"))).hasValue("pod telemetry-abcde container telemetry: "
        + "CrashLoopBackOff: back-off 5m0s restarting failed container=telemetry pod=telemetry-abcde");
    assertThat(StuckCause.of(pod(pods, "ovs-pull")))
        .hasValue("pod ovs-pull container ovs: ImagePullBackOff: Back-off pulling image \"registry.invalid/ovs:1\"");
    assertThat(StuckCause.of(pod(pods, "ovs-creating"))).as("creating clears by itself").isEmpty();
    assertThat(StuckCause.of(pod(pods, "provisioning-old"))).isEmpty();
    // Only the workload's own pods are looked at.
    assertThat(StuckCause.of(new LabelSelectorBuilder()
        .addToMatchLabels("app", "nothing").build(), pods)).isEmpty();
  }

  private static Pod pod(List<Pod> pods, String name) {
    return pods.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }
}
