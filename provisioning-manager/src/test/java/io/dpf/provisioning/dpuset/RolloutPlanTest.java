package io.dpf.provisioning.dpuset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategyType;
import io.dpf.api.provisioning.v1alpha1.DPUStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutPlanTest {

  static final List<Node> NODES = List.of(DpuSets.hostNode("a", "10.0.0.1", "0000-4b-00"),
      DpuSets.hostNode("b", "10.0.0.2", "0000-4b-00"), DpuSets.hostNode("c", "10.0.0.3", "0000-4b-00"));

  @Test
  void createsMissingDpusAndDeletesThoseWhoseNodeLeft() {
    DPUSet set = DpuSets.set("dpf", "s", "bfb-1", "f", DPUSetStrategyType.RECREATE);
    DPU stray = ready(DesiredDpus.of(set, List.of(DpuSets.hostNode("gone", "10.0.0.9", "0000-4b-00"))).dpus()
        .get("gone-0000-4b-00"));
    Map<String, DPU> desired = DesiredDpus.of(set, NODES.subList(0, 2)).dpus();

    RolloutPlan plan = RolloutPlan.of(set.getSpec().getStrategy(), desired, List.of(stray), 2);

    assertThat(plan.create()).extracting(d -> d.getMetadata().getName()).containsExactly("a-0000-4b-00", "b-0000-4b-00");
    assertThat(plan.delete()).containsExactly("gone-0000-4b-00");
  }

  @Test
  void recreateLeavesOutdatedDpusToTheUser() {
    DPUSet old = DpuSets.set("dpf", "s", "bfb-1", "f", DPUSetStrategyType.RECREATE);
    DPUSet updated = DpuSets.set("dpf", "s", "bfb-2", "f", DPUSetStrategyType.RECREATE);

    RolloutPlan plan = RolloutPlan.of(updated.getSpec().getStrategy(), DesiredDpus.of(updated, NODES).dpus(),
        readyDpus(old), 3);

    assertThat(plan.create()).isEmpty();
    assertThat(plan.delete()).isEmpty();
  }

  @Test
  void rollingUpdateReplacesOneAvailableDpuAtATime() {
    DPUSet old = DpuSets.set("dpf", "s", "bfb-1", "f", DPUSetStrategyType.ROLLING_UPDATE);
    DPUSet updated = DpuSets.set("dpf", "s", "bfb-2", "f", DPUSetStrategyType.ROLLING_UPDATE);

    RolloutPlan plan = RolloutPlan.of(updated.getSpec().getStrategy(), DesiredDpus.of(updated, NODES).dpus(),
        readyDpus(old), 3);

    assertThat(plan.delete()).containsExactly("a-0000-4b-00");
  }

  @Test
  void rollingUpdateWaitsWhileTheBudgetIsSpentButReplacesUnavailableOnesAtOnce() {
    DPUSet old = DpuSets.set("dpf", "s", "bfb-1", "f", DPUSetStrategyType.ROLLING_UPDATE);
    DPUSet updated = DpuSets.set("dpf", "s", "bfb-2", "f", DPUSetStrategyType.ROLLING_UPDATE);
    List<DPU> current = new ArrayList<>(readyDpus(old));
    current.get(1).setStatus(null);

    RolloutPlan plan = RolloutPlan.of(updated.getSpec().getStrategy(), DesiredDpus.of(updated, NODES).dpus(), current, 3);

    assertThat(plan.delete()).containsExactly("b-0000-4b-00");
  }

  @Test
  void maxUnavailableAcceptsPercentagesOfTheNodes() {
    DPUSet set = DpuSets.set("dpf", "s", "bfb-1", "f", DPUSetStrategyType.ROLLING_UPDATE);
    set.getSpec().getStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString("50%"));

    assertThat(RolloutPlan.maxUnavailable(set.getSpec().getStrategy(), 10)).isEqualTo(5);
    assertThat(RolloutPlan.maxUnavailable(set.getSpec().getStrategy(), 1)).isEqualTo(1);
  }

  @Test
  void onlyNewNodeLabelsArePatchedInPlace() {
    DPUSet old = DpuSets.set("dpf", "s", "bfb-1", "f", DPUSetStrategyType.ROLLING_UPDATE);
    DPUSet relabelled = DpuSets.set("dpf", "s", "bfb-1", "f", DPUSetStrategyType.ROLLING_UPDATE);
    relabelled.getSpec().getDpuTemplate().getSpec().getCluster().setNodeLabels(Map.of("role", "edge"));

    RolloutPlan plan = RolloutPlan.of(relabelled.getSpec().getStrategy(), DesiredDpus.of(relabelled, NODES).dpus(),
        readyDpus(old), 3);

    assertThat(plan.delete()).isEmpty();
    assertThat(plan.patchNodeLabels()).containsOnlyKeys("a-0000-4b-00", "b-0000-4b-00", "c-0000-4b-00")
        .containsEntry("a-0000-4b-00", Map.of("role", "edge"));
  }

  static List<DPU> readyDpus(DPUSet set) {
    return DesiredDpus.of(set, NODES).dpus().values().stream().map(RolloutPlanTest::ready).toList();
  }

  static DPU ready(DPU dpu) {
    DPUStatus status = new DPUStatus();
    status.setConditions(new ArrayList<>(List.of(new ConditionBuilder().withType("Ready").withStatus("True").build())));
    dpu.setStatus(status);
    return dpu;
  }
}
