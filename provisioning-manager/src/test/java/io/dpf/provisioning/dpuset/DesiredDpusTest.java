package io.dpf.provisioning.dpuset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategyType;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredDpusTest {

  final DPUSet set = DpuSets.set("dpf", "set", "bfb-1", "flavor", DPUSetStrategyType.RECREATE);

  @Test
  void oneDpuPerNodeNamedAfterNodeAndPciAndLabelledFromTheNode() {
    DesiredDpus.Result desired = DesiredDpus.of(set, List.of(DpuSets.hostNode("Worker-1", "10.0.0.1", "0000-4b-00"),
        DpuSets.hostNode("worker-2", "10.0.0.2", "0000-4b-00")));

    assertThat(desired.dpus()).containsOnlyKeys("worker-1-0000-4b-00", "worker-2-0000-4b-00");
    DPU dpu = desired.dpus().get("worker-1-0000-4b-00");
    assertThat(dpu.getMetadata().getLabels()).containsEntry(LabelKeys.DPUSET_NAME, "set")
        .containsEntry(LabelKeys.DPUSET_NAMESPACE, "dpf").containsEntry(LabelKeys.DPU_PCI_ADDRESS, "0000-4b-00")
        .containsEntry(LabelKeys.DPU_PF_NAME, "p0").containsEntry(LabelKeys.DPU_HOST_IP, "10.0.0.1");
    assertThat(dpu.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(owner -> assertThat(owner.getName()).isEqualTo("set"));
    assertThat(dpu.getSpec().getNodeName()).isEqualTo("Worker-1");
    assertThat(dpu.getSpec().getBfb()).isEqualTo("bfb-1");
    assertThat(dpu.getSpec().getDpuFlavor()).isEqualTo("flavor");
    assertThat(dpu.getSpec().getPciAddress()).isEqualTo("0000-4b-00");
    assertThat(dpu.getSpec().getCluster().getNodeLabels()).containsEntry("role", "dpu");
  }

  @Test
  void withoutADpuSelectorOnlyDpuZeroIsTaken() {
    DesiredDpus.Result desired = DesiredDpus.of(set, List.of(DpuSets.hostNode("w", "10.0.0.1", "0000-4b-00", "0000-8a-00")));

    assertThat(desired.dpus()).containsOnlyKeys("w-0000-4b-00");
  }

  @Test
  void aDpuSelectorPicksDpusByTheirNodeLabels() {
    set.getSpec().setDpuSelector(Map.of(LabelKeys.dpuPciAddressFeature(1), "0000-8a-00"));

    DesiredDpus.Result desired = DesiredDpus.of(set, List.of(DpuSets.hostNode("w", "10.0.0.1", "0000-4b-00", "0000-8a-00"),
        DpuSets.hostNode("v", "10.0.0.2", "0000-4b-00", "0000-4c-00")));

    assertThat(desired.dpus()).containsOnlyKeys("w-0000-8a-00");
    assertThat(desired.dpus().get("w-0000-8a-00").getMetadata().getLabels()).containsEntry(LabelKeys.DPU_PF_NAME, "p1");
  }

  @Test
  void aSelectedNodeWithoutDpuLabelsGetsNoDpu() {
    DesiredDpus.Result desired = DesiredDpus.of(set, List.of(new NodeBuilder().withNewMetadata().withName("plain")
        .endMetadata().build()));

    assertThat(desired.dpus()).isEmpty();
  }
}
