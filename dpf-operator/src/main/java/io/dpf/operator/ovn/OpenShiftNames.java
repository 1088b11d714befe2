package io.dpf.operator.ovn;

/** Where OpenShift keeps what the custom OVN-Kubernetes deployment changes or copies. */
final class OpenShiftNames {

  static final String OVN_NAMESPACE = "openshift-ovn-kubernetes";
  static final String OVN_DAEMONSET = "ovnkube-node";
  static final String OVN_CONFIG = "ovnkube-config";
  static final String OVN_CONFIG_KEY = "ovnkube.conf";
  static final String OVN_SCRIPT_LIB = "ovnkube-script-lib";
  static final String OVN_SCRIPT_KEY = "ovnkube-lib.sh";
  static final String KUBE_CONTROLLER_CONTAINER = "ovnkube-controller";
  static final String OVN_CONTROLLER_CONTAINER = "ovn-controller";
  static final String CHASSIS_ANNOTATION = "k8s.ovn.org/node-chassis-id";
  static final String NETWORK_OPERATOR_NAMESPACE = "openshift-network-operator";
  static final String NETWORK_OPERATOR = "network-operator";
  static final String CLUSTER_VERSION = "version";
  static final String NODE_IDENTITY_WEBHOOK = "network-node-identity.openshift.io";
  static final String CLUSTER_CONFIG_NAMESPACE = "kube-system";
  static final String CLUSTER_CONFIG = "cluster-config-v1";
  static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";
  static final String WORKER_LABEL = "node-role.kubernetes.io/worker";
  /** Set on workers once host and DPU are prepared; the custom ovnkube-node runs only there ([early] DPF's label). */
  static final String PRECONFIG_READY_LABEL = "dpf.nvidia.com/network-preconfig-ready";
  /** The DPU's OVS database as the host reaches it over the host VF / DPU SF channel the DPU CNI provisioner sets up. */
  static final String DPU_OVS_REMOTE = "tcp:10.100.1.1:8500";
  static final String CUSTOM_SUFFIX = "-dpf";
  static final String INVENTORY_KEY = "dpf-inventory.json";

  private OpenShiftNames() {}
}
