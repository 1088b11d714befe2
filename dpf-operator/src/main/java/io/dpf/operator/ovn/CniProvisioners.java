package io.dpf.operator.ovn;

import io.dpf.api.LabelKeys;
import io.dpf.api.operator.v1alpha1.HostNetworkConfiguration;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: the two DaemonSets that prepare networking before OVN-Kubernetes moves onto the DPU. The host
 * CNI provisioner runs on each host worker (PF0 and its first VF, the host IP); the DPU CNI provisioner
 * on each DPU node (DPU IP, gateway, the host network's CIDR). Each reads its node's entry from the
 * JSON inventory built from {@code hostNetworkConfiguration}.
 */
final class CniProvisioners {

  static final String COMPONENT = "ovn-kubernetes";
  static final String HOST = "host-cni-provisioner";
  static final String DPU = "dpu-cni-provisioner";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private CniProvisioners() {}

  static List<HasMetadata> host(String namespace, HostNetworkConfiguration network, String image) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("hostPF0", network.getHostPF0());
    config.put("hostPF0VF0", network.getHostPF0VF0());
    config.put("hosts", network.getHosts());
    return provisioner(HOST, namespace, config, image, Map.of(OpenShiftNames.WORKER_LABEL, ""));
  }

  static List<HasMetadata> dpu(String namespace, HostNetworkConfiguration network, String hostCidr, String image) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("cidr", network.getCidr());
    config.put("hostCIDR", hostCidr);
    config.put("hosts", network.getHosts());
    return provisioner(DPU, namespace, config, image, Map.of());
  }

  private static List<HasMetadata> provisioner(String name, String namespace, Map<String, Object> config, String image,
      Map<String, String> nodeSelector) {
    ConfigMap configMap = new ConfigMapBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).addToLabels(LabelKeys.COMPONENT, COMPONENT)
        .endMetadata()
        .addToData("config.json", JSON.asJson(config))
        .build();
    DaemonSet daemonSet = new DaemonSetBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).addToLabels(LabelKeys.COMPONENT, COMPONENT)
        .endMetadata()
        .withNewSpec()
            .withNewSelector().addToMatchLabels("app", name).endSelector()
            .withNewTemplate()
                .withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().withHostNetwork(true).withNodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
                    .addNewToleration().withOperator("Exists").endToleration()
                    .addNewContainer().withName(name).withImage(image)
                        .withArgs("--config=/etc/" + name + "/config.json")
                        .withEnv(new EnvVarBuilder().withName("NODE_NAME")
                            .withNewValueFrom().withNewFieldRef().withFieldPath("spec.nodeName").endFieldRef()
                            .endValueFrom().build())
                        .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                        .addNewVolumeMount().withName("config").withMountPath("/etc/" + name).endVolumeMount()
                    .endContainer()
                    .addNewVolume().withName("config").withNewConfigMap().withName(name).endConfigMap().endVolume()
                .endSpec()
            .endTemplate()
        .endSpec()
        .build();
    return List.of(configMap, daemonSet);
  }

  /** A provisioner is ready when it runs, ready, on every node it was scheduled to (and on at least one). */
  static boolean ready(DaemonSet live) {
    return live != null && live.getStatus() != null && live.getStatus().getNumberReady() != null
        && live.getStatus().getNumberReady() > 0
        && live.getStatus().getNumberReady().equals(live.getStatus().getDesiredNumberScheduled());
  }
}
