package io.dpf.api.operator.v1alpha1;

import java.util.List;

/** The operator's singleton, its components and the field owners of its writes. */
public final class OperatorNames {
  /** The only DPFOperatorConfig the operator reconciles (flags --config-name / --config-namespace). */
  public static final String CONFIG_NAME = "dpfoperatorconfig";
  public static final String CONFIG_NAMESPACE = "dpf-operator-system";

  public static final String PROVISIONING_CONTROLLER = "provisioning-controller";
  public static final String DPUSERVICE_CONTROLLER = "dpuservice-controller";
  public static final String SERVICECHAINSET_CONTROLLER = "servicechainset-controller";
  public static final String DPUDETECTOR = "dpudetector";
  public static final String FLANNEL = "flannel";
  public static final String MULTUS = "multus";
  public static final String SRIOV_DEVICE_PLUGIN = "sriov-device-plugin";
  public static final String OVS_CNI = "ovs-cni";
  public static final String NVIDIA_K8S_IPAM = "nvidia-k8s-ipam";
  public static final String SFC_CONTROLLER = "sfc-controller";
  public static final String KAMAJI_CLUSTER_MANAGER = "kamaji-cluster-manager";
  public static final String STATIC_CLUSTER_MANAGER = "static-cluster-manager";
  public static final String OVS_HELPER = "ovs-helper";

  /** Components in the order the operator reconciles them (DPF's list, without its duplicate). */
  public static final List<String> COMPONENTS = List.of(KAMAJI_CLUSTER_MANAGER, STATIC_CLUSTER_MANAGER,
      PROVISIONING_CONTROLLER, DPUSERVICE_CONTROLLER, DPUDETECTOR, SERVICECHAINSET_CONTROLLER, MULTUS,
      SRIOV_DEVICE_PLUGIN, FLANNEL, NVIDIA_K8S_IPAM, OVS_CNI, SFC_CONTROLLER, OVS_HELPER);

  /** Field owners of server-side apply. */
  public static final String FIELD_MANAGER_OPERATOR = "dpfoperatorconfig-controller";
  public static final String FIELD_MANAGER_DPUSERVICE = "dpuservice-manager";
  public static final String FIELD_MANAGER_KAMAJI = "kamaji-cluster-manager";

  private OperatorNames() {
  }
}
