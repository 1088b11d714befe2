package io.dpf.provisioning.dpuset;

import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.api.provisioning.v1alpha1.DPUTemplateSpec;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DPUs a DPUSet wants: one per selected host node and selected DPU index, named
 * {@code <node>-<pci>}, labelled from the node's {@code feature.node.kubernetes.io/dpu-<N>-…}
 * labels (written by dpu-detector through NFD). Pure: nodes in, DPU objects and problems out.
 */
public final class DesiredDpus {

  private static final Pattern DPU_INDEX = Pattern.compile("^" + Pattern.quote(LabelKeys.NODE_FEATURE_PREFIX) + "dpu-(\\d+)-");

  /** @param dpus by name; @param problems one line per node that cannot get its DPUs, for logs and events */
  public record Result(Map<String, DPU> dpus, List<String> problems) {}

  private DesiredDpus() {}

  public static Result of(DPUSet set, List<Node> nodes) {
    Map<String, DPU> dpus = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Node node : nodes) {
      Map<String, String> labels = Optional.ofNullable(node.getMetadata().getLabels()).orElse(Map.of());
      for (int index : selectedIndices(set.getSpec().getDpuSelector(), labels)) {
        String pci = labels.get(LabelKeys.dpuPciAddressFeature(index));
        if (pci == null) {
          problems.add("node " + node.getMetadata().getName() + " has no label " + LabelKeys.dpuPciAddressFeature(index));
          continue;
        }
        DPU dpu = dpu(set, node, labels, index, pci);
        dpus.put(dpu.getMetadata().getName(), dpu);
      }
    }
    return new Result(dpus, problems);
  }

  /**
   * DPU indices on a node: those named by dpuSelector keys the node matches; without a selector, DPU
   * 0 when the node has one (DPF's rule).
   */
  static TreeSet<Integer> selectedIndices(Map<String, String> dpuSelector, Map<String, String> labels) {
    TreeSet<Integer> indices = new TreeSet<>();
    if (dpuSelector == null || dpuSelector.isEmpty()) {
      if (labels.containsKey(LabelKeys.dpuPciAddressFeature(0))) {
        indices.add(0);
      }
      return indices;
    }
    for (Map.Entry<String, String> wanted : dpuSelector.entrySet()) {
      Matcher matcher = DPU_INDEX.matcher(wanted.getKey());
      if (matcher.find() && wanted.getValue().equals(labels.get(wanted.getKey()))) {
        indices.add(Integer.parseInt(matcher.group(1)));
      }
    }
    return indices;
  }

  private static DPU dpu(DPUSet set, Node node, Map<String, String> nodeLabels, int index, String pci) {
    String nodeName = node.getMetadata().getName();
    Map<String, String> labels = new HashMap<>(Optional.ofNullable(set.getMetadata().getLabels()).orElse(Map.of()));
    labels.put(LabelKeys.DPUSET_NAME, set.getMetadata().getName());
    labels.put(LabelKeys.DPUSET_NAMESPACE, set.getMetadata().getNamespace());
    labels.put(LabelKeys.DPU_PCI_ADDRESS, pci);
    Optional.ofNullable(nodeLabels.get(LabelKeys.dpuPf0NameFeature(index)))
        .ifPresent(pf -> labels.put(LabelKeys.DPU_PF_NAME, pf));
    internalIp(node).ifPresent(ip -> labels.put(LabelKeys.DPU_HOST_IP, ip));
    DPU dpu = new DPU();
    dpu.setMetadata(new ObjectMetaBuilder().withName(Names.dpu(nodeName, pci)).withNamespace(set.getMetadata().getNamespace())
        .withLabels(labels)
        .withAnnotations(set.getSpec().getDpuTemplate().getAnnotations())
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(set.getApiVersion()).withKind(set.getKind())
            .withName(set.getMetadata().getName()).withUid(set.getMetadata().getUid())
            .withController(true).withBlockOwnerDeletion(true).build())
        .build());
    dpu.setSpec(spec(set.getSpec().getDpuTemplate().getSpec(), nodeName, pci, nodeLabels.get(LabelKeys.dpuBmcIpFeature(index))));
    return dpu;
  }

  private static DPUSpec spec(DPUTemplateSpec template, String nodeName, String pci, String bmcIp) {
    DPUSpec spec = new DPUSpec();
    spec.setNodeName(nodeName);
    spec.setPciAddress(pci);
    spec.setBfb(template.getBfb() == null ? null : template.getBfb().getName());
    spec.setNodeEffect(template.getNodeEffect());
    spec.setDpuFlavor(template.getDpuFlavor());
    spec.setAutomaticNodeReboot(template.getAutomaticNodeReboot());
    spec.setInstallInterface(template.getInstallInterface());
    spec.setBmcCredentialsSecret(template.getBmcCredentialsSecret());
    spec.setBmcIp(bmcIp);
    spec.setBmcPort(template.getBmcPort());
    if (template.getCluster() != null && template.getCluster().getNodeLabels() != null) {
      DPUClusterReference cluster = new DPUClusterReference();
      cluster.setNodeLabels(template.getCluster().getNodeLabels());
      spec.setCluster(cluster);
    }
    return spec;
  }

  private static Optional<String> internalIp(Node node) {
    if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
      return Optional.empty();
    }
    return node.getStatus().getAddresses().stream().filter(a -> "InternalIP".equals(a.getType()))
        .map(NodeAddress::getAddress).findFirst();
  }
}
