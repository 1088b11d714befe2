package io.dpf.operator.ovn;

import static io.dpf.operator.ovn.OpenShiftNames.CUSTOM_SUFFIX;
import static io.dpf.operator.ovn.OpenShiftNames.DPU_OVS_REMOTE;
import static io.dpf.operator.ovn.OpenShiftNames.INVENTORY_KEY;
import static io.dpf.operator.ovn.OpenShiftNames.KUBE_CONTROLLER_CONTAINER;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_CONFIG;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_CONFIG_KEY;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_CONTROLLER_CONTAINER;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_DAEMONSET;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_NAMESPACE;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_SCRIPT_KEY;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_SCRIPT_LIB;
import static io.dpf.operator.ovn.OpenShiftNames.PRECONFIG_READY_LABEL;

import io.dpf.api.operator.v1alpha1.HostNetworkConfiguration;
import io.dpf.operator.inventory.InvalidConfigException;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: the worker-node copy of OpenShift's OVN-Kubernetes that uses the DPU's OVS. Each function
 * takes OpenShift's original object and returns the {@code -dpf} copy, or says exactly what in the
 * original it could not find (an OpenShift release whose layout differs).
 */
final class CustomOvnKubernetes {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static final String FAKE_SYS = "/var/dpf/sys";

  private CustomOvnKubernetes() {}

  /** ovnkube.conf with DPU offload settings: no packet MTU check at the gateway, encap IP from the DPU. */
  static ConfigMap config(ConfigMap original) throws InvalidConfigException {
    String conf = require(original.getData(), OVN_CONFIG_KEY, OVN_CONFIG);
    StringBuilder out = new StringBuilder();
    boolean gateway = false;
    boolean defaults = false;
    for (String line : conf.split("\n", -1)) {
      out.append(line).append('\n');
      if (line.trim().equals("[gateway]")) {
        gateway = true;
        out.append("disable-pkt-mtu-check=true\n");
      } else if (line.trim().equals("[default]")) {
        defaults = true;
        out.append("control-ovn-encap-ip-external-id=false\n");
      }
    }
    if (!gateway || !defaults) {
      throw new InvalidConfigException(OVN_NAMESPACE + "/" + OVN_CONFIG + " " + OVN_CONFIG_KEY + " lacks a "
          + (gateway ? "[default]" : "[gateway]") + " section");
    }
    return copy(original, OVN_CONFIG, Map.of(OVN_CONFIG_KEY, out.toString().replaceAll("\n+$", "")));
  }

  /** The entry-point library, pointed at the DPU's OVS and at each host's own gateway from the inventory. */
  static ConfigMap scriptLib(ConfigMap original, HostNetworkConfiguration network) throws InvalidConfigException {
    String script = require(original.getData(), OVN_SCRIPT_KEY, OVN_SCRIPT_LIB);
    script = script.replace("vswitch_dbsock=\"/var/run/openvswitch/db.sock\"", "vswitch_remote=\"" + DPU_OVS_REMOTE + "\"")
        .replace("unix:${vswitch_dbsock}", "${vswitch_remote}")
        .replace("gateway_mode_flags=\"--gateway-mode shared --gateway-interface br-ex\"",
            "gateway_mode_flags=\"--gateway-mode shared --gateway-interface " + network.getHostPF0()
                + " --gateway-nexthop $(jq -r '.[] | select(.hostClusterNodeName==\"'\"${K8S_NODE}\"'\").gateway' /ovnkube-lib/"
                + INVENTORY_KEY + ")\"");
    Map<String, String> data = new LinkedHashMap<>(original.getData());
    data.put(OVN_SCRIPT_KEY, script);
    data.put(INVENTORY_KEY, JSON.asJson(network.getHosts()));
    return copy(original, OVN_SCRIPT_LIB, data);
  }

  /** ovnkube-node for workers with a DPU: custom image, DPU-side config maps, management VF, preconfigured nodes only. */
  static DaemonSet daemonSet(DaemonSet original, HostNetworkConfiguration network, String image)
      throws InvalidConfigException {
    DaemonSet out = JSON.clone(original);
    out.setMetadata(new ObjectMetaBuilder()
        .withName(OVN_DAEMONSET + CUSTOM_SUFFIX).withNamespace(OVN_NAMESPACE).build());
    out.setStatus(null);
    String app = out.getSpec().getSelector().getMatchLabels() == null ? null
        : out.getSpec().getSelector().getMatchLabels().get("app");
    if (app == null || out.getSpec().getTemplate().getMetadata().getLabels() == null) {
      throw new InvalidConfigException(OVN_NAMESPACE + "/" + OVN_DAEMONSET + " has no `app` selector label");
    }
    out.getSpec().getSelector().getMatchLabels().put("app", app + CUSTOM_SUFFIX);
    out.getSpec().getTemplate().getMetadata().getLabels().put("app", app + CUSTOM_SUFFIX);
    var pod = out.getSpec().getTemplate().getSpec();
    pod.setAffinity(new AffinityBuilder().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm().addNewMatchExpression()
        .withKey(PRECONFIG_READY_LABEL).withOperator("Exists").endMatchExpression().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build());
    pod.getVolumes().add(new VolumeBuilder().withName("fake-sys").withNewHostPath().withPath(FAKE_SYS)
        .withType("Directory").endHostPath().build());
    renameConfigMapVolume(pod.getVolumes(), OVN_SCRIPT_LIB);
    renameConfigMapVolume(pod.getVolumes(), OVN_CONFIG);
    Container controller = container(pod.getContainers(), KUBE_CONTROLLER_CONTAINER);
    controller.getVolumeMounts().add(new VolumeMountBuilder().withName("fake-sys").withMountPath(FAKE_SYS).build());
    controller.getEnv().add(new EnvVar("OVNKUBE_NODE_MGMT_PORT_NETDEV", network.getHostPF0VF0(), null));
    controller.setImage(image);
    container(pod.getContainers(), OVN_CONTROLLER_CONTAINER).setImage(image);
    return out;
  }

  private static void renameConfigMapVolume(List<Volume> volumes, String name)
      throws InvalidConfigException {
    var volume = volumes.stream().filter(v -> v.getConfigMap() != null && name.equals(v.getConfigMap().getName()))
        .findFirst().orElseThrow(() -> new InvalidConfigException(
            OVN_NAMESPACE + "/" + OVN_DAEMONSET + " mounts no ConfigMap " + name));
    volume.getConfigMap().setName(name + CUSTOM_SUFFIX);
  }

  private static Container container(List<Container> containers, String name) throws InvalidConfigException {
    return containers.stream().filter(c -> name.equals(c.getName())).findFirst().orElseThrow(() ->
        new InvalidConfigException(OVN_NAMESPACE + "/" + OVN_DAEMONSET + " has no container " + name));
  }

  private static String require(Map<String, String> data, String key, String configMap) throws InvalidConfigException {
    if (data == null || !data.containsKey(key)) {
      throw new InvalidConfigException(OVN_NAMESPACE + "/" + configMap + " has no key " + key);
    }
    return data.get(key);
  }

  private static ConfigMap copy(ConfigMap original, String name, Map<String, String> data) {
    return new ConfigMapBuilder().withNewMetadata().withName(name + CUSTOM_SUFFIX).withNamespace(OVN_NAMESPACE)
        .endMetadata().withData(data).build();
  }
}
