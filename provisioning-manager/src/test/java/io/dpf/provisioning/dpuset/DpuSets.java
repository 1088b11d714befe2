package io.dpf.provisioning.dpuset;

import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.BFBReference;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetSpec;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategy;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategyType;
import io.dpf.api.provisioning.v1alpha1.DPUTemplate;
import io.dpf.api.provisioning.v1alpha1.DPUTemplateCluster;
import io.dpf.api.provisioning.v1alpha1.DPUTemplateSpec;
import io.dpf.api.provisioning.v1alpha1.NodeEffect;
import io.dpf.api.provisioning.v1alpha1.RollingUpdateDPU;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.util.HashMap;
import java.util.Map;

/** Test objects: DPUSets as users write them, host nodes as dpu-detector labels them. */
public final class DpuSets {

  private DpuSets() {}

  public static DPUSet set(String namespace, String name, String bfb, String flavor, DPUSetStrategyType strategy) {
    DPUSet set = new DPUSet();
    set.getMetadata().setName(name);
    set.getMetadata().setNamespace(namespace);
    set.getMetadata().setUid("uid-" + name);
    DPUSetSpec spec = new DPUSetSpec();
    DPUSetStrategy rollout = new DPUSetStrategy();
    rollout.setType(strategy);
    if (strategy == DPUSetStrategyType.ROLLING_UPDATE) {
      RollingUpdateDPU rolling = new RollingUpdateDPU();
      rolling.setMaxUnavailable(new IntOrString(1));
      rollout.setRollingUpdate(rolling);
    }
    spec.setStrategy(rollout);
    spec.setNodeSelector(new LabelSelectorBuilder().addToMatchLabels("feature.node.kubernetes.io/dpu-enabled", "true")
        .build());
    DPUTemplate template = new DPUTemplate();
    DPUTemplateSpec templateSpec = new DPUTemplateSpec();
    BFBReference reference = new BFBReference();
    reference.setName(bfb);
    templateSpec.setBfb(reference);
    templateSpec.setDpuFlavor(flavor);
    NodeEffect noEffect = new NodeEffect();
    noEffect.setNoEffect(true);
    templateSpec.setNodeEffect(noEffect);
    DPUTemplateCluster cluster = new DPUTemplateCluster();
    cluster.setNodeLabels(Map.of("role", "dpu"));
    templateSpec.setCluster(cluster);
    template.setSpec(templateSpec);
    spec.setDpuTemplate(template);
    set.setSpec(spec);
    return set;
  }

  /** A host node with DPUs at the given PCI addresses (label form), indexed 0, 1, … */
  public static Node hostNode(String name, String ip, String... pciAddresses) {
    Map<String, String> labels = new HashMap<>();
    labels.put(LabelKeys.DPU_ENABLED, "true");
    labels.put(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, "");
    for (int i = 0; i < pciAddresses.length; i++) {
      labels.put(LabelKeys.dpuPciAddressFeature(i), pciAddresses[i]);
      labels.put(LabelKeys.dpuPf0NameFeature(i), "p" + i);
    }
    return new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewStatus().addNewAddress().withType("InternalIP").withAddress(ip).endAddress().endStatus().build();
  }
}
