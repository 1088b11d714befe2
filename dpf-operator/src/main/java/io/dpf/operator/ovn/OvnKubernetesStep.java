package io.dpf.operator.ovn;

import static io.dpf.operator.ovn.OpenShiftNames.CHASSIS_ANNOTATION;
import static io.dpf.operator.ovn.OpenShiftNames.CLUSTER_CONFIG;
import static io.dpf.operator.ovn.OpenShiftNames.CLUSTER_CONFIG_NAMESPACE;
import static io.dpf.operator.ovn.OpenShiftNames.CLUSTER_VERSION;
import static io.dpf.operator.ovn.OpenShiftNames.CONTROL_PLANE_LABEL;
import static io.dpf.operator.ovn.OpenShiftNames.CUSTOM_SUFFIX;
import static io.dpf.operator.ovn.OpenShiftNames.KUBE_CONTROLLER_CONTAINER;
import static io.dpf.operator.ovn.OpenShiftNames.NETWORK_OPERATOR;
import static io.dpf.operator.ovn.OpenShiftNames.NETWORK_OPERATOR_NAMESPACE;
import static io.dpf.operator.ovn.OpenShiftNames.NODE_IDENTITY_WEBHOOK;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_CONFIG;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_DAEMONSET;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_NAMESPACE;
import static io.dpf.operator.ovn.OpenShiftNames.OVN_SCRIPT_LIB;
import static io.dpf.operator.ovn.OpenShiftNames.PRECONFIG_READY_LABEL;
import static io.dpf.operator.ovn.OpenShiftNames.WORKER_LABEL;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.LabelKeys;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.HostNetworkConfiguration;
import io.dpf.operator.inventory.InvalidConfigException;
import io.dpf.operator.inventory.ReleaseDefaults;
import io.dpf.runtime.apply.ServerSideApply;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The custom OVN-Kubernetes deployment for OpenShift ([early] DPF, the seed's
 * {@code hostNetworkConfiguration}): take the worker nodes away from OpenShift's OVN-Kubernetes,
 * prepare host and DPU networking with the CNI provisioners, then run OVN-Kubernetes on the workers
 * against the DPU's OVS. Each step is idempotent and writes only what differs; the result says
 * what is still awaited.
 */
public final class OvnKubernetesStep {

  private final KubernetesClient host;
  private final String fieldManager;
  private final ServerSideApply apply;
  private final DpuClusterClients dpuClusters;
  private final ReleaseDefaults defaults;

  public OvnKubernetesStep(KubernetesClient host, String fieldManager, ReleaseDefaults defaults) {
    this.host = host;
    this.fieldManager = fieldManager;
    this.apply = new ServerSideApply(host, fieldManager);
    this.defaults = defaults;
    this.dpuClusters = new DpuClusterClients(host);
  }

  /** @return what is not done yet (empty when the custom deployment runs) */
  public List<String> reconcile(DPFOperatorConfig config) throws InvalidConfigException {
    HostNetworkConfiguration network = config.getSpec().getHostNetworkConfiguration();
    if (network == null || network.getHosts() == null || network.getHosts().isEmpty()) {
      throw new InvalidConfigException("OVN-Kubernetes: spec.hostNetworkConfiguration with hosts is required "
          + "(or set spec.overrides.disableOVNKubernetesReconcile: true)");
    }
    takeWorkersFromOpenShiftOvn();
    if (originalOvnStillOnWorkers()) {
      return List.of("OpenShift's ovnkube-node still runs on worker nodes");
    }
    removeChassisAnnotations();
    List<String> waiting = new ArrayList<>(deployProvisioners(config.getMetadata().getNamespace(), network));
    if (!waiting.isEmpty()) {
      return waiting;
    }
    labelWorkers(PRECONFIG_READY_LABEL);
    deployCustomOvn(network);
    DaemonSet custom = host.apps().daemonSets().inNamespace(OVN_NAMESPACE).withName(OVN_DAEMONSET + CUSTOM_SUFFIX).get();
    return CniProvisioners.ready(custom) ? List.of() : List.of("DaemonSet " + OVN_DAEMONSET + CUSTOM_SUFFIX + " is not ready");
  }

  /** What this step created (not OpenShift's own objects it adjusted), for deletion. */
  public void deleteCreated(String namespace) {
    host.configMaps().inNamespace(OVN_NAMESPACE).withName(OVN_CONFIG + CUSTOM_SUFFIX).delete();
    host.configMaps().inNamespace(OVN_NAMESPACE).withName(OVN_SCRIPT_LIB + CUSTOM_SUFFIX).delete();
    host.apps().daemonSets().inNamespace(OVN_NAMESPACE).withName(OVN_DAEMONSET + CUSTOM_SUFFIX).delete();
    for (String name : List.of(CniProvisioners.HOST, CniProvisioners.DPU)) {
      host.apps().daemonSets().inNamespace(namespace).withName(name).delete();
      host.configMaps().inNamespace(namespace).withName(name).delete();
    }
    for (KubernetesClient dpu : dpuClusters.all()) {
      dpu.apps().daemonSets().inNamespace(namespace).withName(CniProvisioners.DPU).delete();
      dpu.configMaps().inNamespace(namespace).withName(CniProvisioners.DPU).delete();
    }
  }

  /** CVO must not undo our changes; the network operator must not either; the node-identity webhook would refuse them. */
  private void takeWorkersFromOpenShiftOvn() {
    Map<String, Object> override = Map.of("kind", "Deployment", "group", "apps", "name", NETWORK_OPERATOR,
        "namespace", NETWORK_OPERATOR_NAMESPACE, "unmanaged", true);
    var versions = host.genericKubernetesResources("config.openshift.io/v1", "ClusterVersion");
    GenericKubernetesResource version = versions.withName(CLUSTER_VERSION).get();
    if (version == null) {
      throw new IllegalStateException("OVN-Kubernetes: no ClusterVersion \"version\": this is not an OpenShift cluster");
    }
    List<Object> overrides = new ArrayList<>(Objects.requireNonNullElse(version.get("spec", "overrides"), List.of()));
    if (overrides.stream().noneMatch(override::equals)) {
      versions.withName(CLUSTER_VERSION).edit(v -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
            (Map<String, Object>) v.getAdditionalProperties().computeIfAbsent("spec", k -> new HashMap<>());
        List<Object> updated = new ArrayList<>(overrides);
        updated.add(override);
        spec.put("overrides", updated);
        return v;
      });
    }
    Deployment operator = host.apps().deployments().inNamespace(NETWORK_OPERATOR_NAMESPACE).withName(NETWORK_OPERATOR).get();
    if (operator != null && !Integer.valueOf(0).equals(operator.getSpec().getReplicas())) {
      host.apps().deployments().inNamespace(NETWORK_OPERATOR_NAMESPACE).withName(NETWORK_OPERATOR).scale(0);
    }
    host.admissionRegistration().v1().validatingWebhookConfigurations().withName(NODE_IDENTITY_WEBHOOK).delete();
    DaemonSet original = originalOvn();
    var affinity = new AffinityBuilder().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm().addNewMatchExpression()
        .withKey(CONTROL_PLANE_LABEL).withOperator("Exists").endMatchExpression().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build();
    String nonDpuImage = defaults.image("ovn-kubernetes");
    boolean imageSet = original.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> KUBE_CONTROLLER_CONTAINER.equals(c.getName())).allMatch(c -> nonDpuImage.equals(c.getImage()));
    if (!affinity.equals(original.getSpec().getTemplate().getSpec().getAffinity()) || !imageSet) {
      host.apps().daemonSets().inNamespace(OVN_NAMESPACE).withName(OVN_DAEMONSET).edit(ds -> {
        ds.getSpec().getTemplate().getSpec().setAffinity(affinity);
        ds.getSpec().getTemplate().getSpec().getContainers().stream()
            .filter(c -> KUBE_CONTROLLER_CONTAINER.equals(c.getName())).forEach(c -> c.setImage(nonDpuImage));
        return ds;
      });
    }
  }

  private boolean originalOvnStillOnWorkers() {
    DaemonSet original = originalOvn();
    return original.getStatus() != null && original.getStatus().getNumberMisscheduled() != null
        && original.getStatus().getNumberMisscheduled() > 0;
  }

  /** Workers not yet preconfigured lose OpenShift OVN's chassis id, so the DPU's OVN gets a fresh one. */
  private void removeChassisAnnotations() {
    for (Node node : host.nodes().withLabel(WORKER_LABEL).withoutLabel(PRECONFIG_READY_LABEL).list().getItems()) {
      if (node.getMetadata().getAnnotations() != null && node.getMetadata().getAnnotations().containsKey(CHASSIS_ANNOTATION)) {
        host.nodes().withName(node.getMetadata().getName()).edit(n -> {
          n.getMetadata().getAnnotations().remove(CHASSIS_ANNOTATION);
          return n;
        });
      }
    }
  }

  private List<String> deployProvisioners(String namespace, HostNetworkConfiguration network) throws InvalidConfigException {
    String image = defaults.image("cni-provisioner");
    List<String> waiting = new ArrayList<>();
    CniProvisioners.host(namespace, network, image).forEach(apply::apply);
    if (!CniProvisioners.ready(host.apps().daemonSets().inNamespace(namespace).withName(CniProvisioners.HOST).get())) {
      waiting.add("DaemonSet " + CniProvisioners.HOST + " is not ready");
    }
    List<KubernetesClient> dpus = dpuClusters.all();
    if (dpus.isEmpty()) {
      waiting.add("no DPU cluster is registered yet");
    }
    List<HasMetadata> dpuObjects = CniProvisioners.dpu(namespace, network, hostCidr(), image);
    for (KubernetesClient dpu : dpus) {
      dpu.namespaces().resource(new NamespaceBuilder().withNewMetadata()
          .withName(namespace).endMetadata().build()).fieldManager(fieldManager).serverSideApply();
      ServerSideApply dpuApply = new ServerSideApply(dpu, fieldManager);
      dpuObjects.forEach(dpuApply::apply);
      if (!CniProvisioners.ready(dpu.apps().daemonSets().inNamespace(namespace).withName(CniProvisioners.DPU).get())) {
        waiting.add("DaemonSet " + CniProvisioners.DPU + " is not ready in DPU cluster " + dpu.getMasterUrl().getHost()
            + ":" + dpu.getMasterUrl().getPort());
      }
    }
    return waiting;
  }

  /** OpenShift's install-config (machineNetwork) names the host network the DPU must route to. */
  private String hostCidr() throws InvalidConfigException {
    ConfigMap clusterConfig = host.configMaps().inNamespace(CLUSTER_CONFIG_NAMESPACE).withName(CLUSTER_CONFIG).get();
    if (clusterConfig == null || clusterConfig.getData() == null || !clusterConfig.getData().containsKey("install-config")) {
      throw new InvalidConfigException("OVN-Kubernetes: " + CLUSTER_CONFIG_NAMESPACE + "/" + CLUSTER_CONFIG
          + " with key install-config is required to find the host network's CIDR");
    }
    var installConfig = host.getKubernetesSerialization()
        .unmarshal(clusterConfig.getData().get("install-config"), JsonNode.class);
    String cidr = installConfig.at("/networking/machineNetwork/0/cidr").asText("");
    if (cidr.isEmpty()) {
      throw new InvalidConfigException("OVN-Kubernetes: install-config in " + CLUSTER_CONFIG
          + " has no networking.machineNetwork[0].cidr");
    }
    return cidr;
  }

  private void labelWorkers(String label) {
    for (Node node : host.nodes().withLabel(WORKER_LABEL).withoutLabel(label).list().getItems()) {
      host.nodes().withName(node.getMetadata().getName()).edit(n -> {
        n.getMetadata().getLabels().put(label, "");
        return n;
      });
    }
  }

  private void deployCustomOvn(HostNetworkConfiguration network) throws InvalidConfigException {
    ConfigMap config = host.configMaps().inNamespace(OVN_NAMESPACE).withName(OVN_CONFIG).get();
    ConfigMap scripts = host.configMaps().inNamespace(OVN_NAMESPACE).withName(OVN_SCRIPT_LIB).get();
    if (config == null || scripts == null) {
      throw new InvalidConfigException("OVN-Kubernetes: ConfigMaps " + OVN_CONFIG + " and " + OVN_SCRIPT_LIB
          + " must exist in " + OVN_NAMESPACE);
    }
    for (HasMetadata object : List.of(CustomOvnKubernetes.config(config), CustomOvnKubernetes.scriptLib(scripts, network),
        CustomOvnKubernetes.daemonSet(originalOvn(), network, defaults.image("ovn-kubernetes-dpu")))) {
      object.getMetadata().setLabels(Map.of(LabelKeys.COMPONENT, CniProvisioners.COMPONENT));
      apply.apply(object);
    }
  }

  private DaemonSet originalOvn() {
    DaemonSet original = host.apps().daemonSets().inNamespace(OVN_NAMESPACE).withName(OVN_DAEMONSET).get();
    if (original == null) {
      throw new IllegalStateException("OVN-Kubernetes: DaemonSet " + OVN_NAMESPACE + "/" + OVN_DAEMONSET + " not found");
    }
    return original;
  }
}
