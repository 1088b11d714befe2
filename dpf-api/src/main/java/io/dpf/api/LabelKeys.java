package io.dpf.api;

/** Label keys, exactly as DPF v25.1 spells them. */
public final class LabelKeys {
  /** On every object the operator renders: the component it belongs to. */
  public static final String COMPONENT = "dpu.nvidia.com/component";
  /** On Secrets in spec.imagePullSecrets (value ""): these are mirrored into every DPU cluster. */
  public static final String IMAGE_PULL_SECRET = "dpu.nvidia.com/image-pull-secret";
  /** Links an object (Application, ArgoCD cluster Secret, TenantControlPlane) to a DPU cluster. */
  public static final String CLUSTER = "dpu.nvidia.com/cluster";
  public static final String DPU_SERVICE_NAME = "dpu.nvidia.com/dpuservice-name";
  public static final String DPU_SERVICE_NAMESPACE = "dpu.nvidia.com/dpuservice-namespace";
  /** Pod label carrying a DPUService's serviceID. */
  public static final String SERVICE_ID = "svc.dpu.nvidia.com/service";
  /** On ServiceInterface templates made by a DPUDeployment: the interface name chain ports match. */
  public static final String INTERFACE = "svc.dpu.nvidia.com/interface";
  public static final String SERVICE_CHAIN_SET_NAME = "svc.dpu.nvidia.com/servicechainset-name";
  public static final String SERVICE_INTERFACE_SET_NAME = "svc.dpu.nvidia.com/serviceinterfaceset-name";
  /** On every child of a DPUDeployment; value {@code <namespace>_<name>}. */
  public static final String OWNED_BY_DPU_DEPLOYMENT = "svc.dpu.nvidia.com/owned-by-dpudeployment";
  /** Prefix of the label a DPUDeployment puts on what it depends on; a short digest of ns/name follows. */
  public static final String CONSUMED_BY_DPU_DEPLOYMENT_PREFIX = "svc.dpu.nvidia.com/consumed-by-dpudeployment-";
  public static final String DPU_SERVICE_CHAIN_VERSION = "svc.dpu.nvidia.com/dpuservicechain-version";
  public static final String DPUSET_NAME = "provisioning.dpu.nvidia.com/dpuset-name";
  public static final String DPUSET_NAMESPACE = "provisioning.dpu.nvidia.com/dpuset-namespace";
  /** On DPUs: the PCI address in label form (0000-4b-00). */
  public static final String DPU_PCI_ADDRESS = "provisioning.dpu.nvidia.com/dpu-pciAddress";
  public static final String DPU_PF_NAME = "provisioning.dpu.nvidia.com/dpu-pf-name";
  public static final String DPU_HOST_IP = "provisioning.dpu.nvidia.com/dpu-host-ip";
  /** DPU-cluster node label: the installed BFB's version. */
  public static final String DOCA_BFB_VERSION = "provisioning.dpu.nvidia.com/DOCA-BFB-version";
  /** DPU-cluster node label: the host node the DPU is in. */
  public static final String HOST = "provisioning.dpu.nvidia.com/host";
  /** Host node label set by dpu-detector (through NFD) once the OOB bridge is configured. */
  public static final String DPU_OOB_BRIDGE_CONFIGURED = "feature.node.kubernetes.io/dpu-oob-bridge-configured";
  public static final String DPU_ENABLED = "feature.node.kubernetes.io/dpu-enabled";
  public static final String NODE_FEATURE_PREFIX = "feature.node.kubernetes.io/";
  public static final String APPLYSET_PART_OF = "applyset.kubernetes.io/part-of";
  public static final String APPLYSET_ID = "applyset.kubernetes.io/id";
  /** ArgoCD cluster Secrets carry this with value {@link #ARGOCD_SECRET_TYPE_CLUSTER}. */
  public static final String ARGOCD_SECRET_TYPE = "argocd.argoproj.io/secret-type";
  public static final String ARGOCD_SECRET_TYPE_CLUSTER = "cluster";
  public static final String KAMAJI_COMPONENT = "kamaji.clastix.io/component";
  public static final String KAMAJI_PROJECT = "kamaji.clastix.io/project";
  public static final String KAMAJI_NAME = "kamaji.clastix.io/name";
  public static final String KAMAJI_TENANT = "tenant.clastix.io";
  public static final String NODE_ROLE_MASTER = "node-role.kubernetes.io/master";
  public static final String NODE_ROLE_CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

  private LabelKeys() {
  }

  /** {@code svc.dpu.nvidia.com/dpuservice-<service>-version}: DPU nodes of a DPUDeployment revision. */
  public static String dpuServiceVersion(String service) {
    return "svc.dpu.nvidia.com/dpuservice-" + service + "-version";
  }

  /** Host node label with the PCI address (label form) of DPU number {@code index}. */
  public static String dpuPciAddressFeature(int index) {
    return NODE_FEATURE_PREFIX + "dpu-" + index + "-pci-address";
  }

  public static String dpuPf0NameFeature(int index) {
    return NODE_FEATURE_PREFIX + "dpu-" + index + "-pf0-name";
  }

  public static String dpuPsIdFeature(int index) {
    return NODE_FEATURE_PREFIX + "dpu-" + index + "-ps-id";
  }

  /** Additive: host node label with the BMC address of DPU number {@code index}, for DPUSets using redfish. */
  public static String dpuBmcIpFeature(int index) {
    return NODE_FEATURE_PREFIX + "dpu-" + index + "-bmc-ip";
  }
}
