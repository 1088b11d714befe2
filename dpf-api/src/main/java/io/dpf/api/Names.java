package io.dpf.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * How DPF names the objects it derives from others, and well-known names. Keeping these in one
 * place is what lets a reader find an Application from its DPUService and back.
 */
public final class Names {
  /** Key of the admin kubeconfig in a DPU cluster's kubeconfig Secret. */
  public static final String KUBECONFIG_KEY = "admin.conf";
  /** Where the provisioning controller mounts the BFB PVC. */
  public static final String BFB_MOUNT_PATH = "/bfb";
  /** Project of Applications that target DPU clusters. */
  public static final String APP_PROJECT_DPU = "doca-platform-project-dpu";
  /** Project of Applications that target the host cluster (deployInCluster). */
  public static final String APP_PROJECT_HOST = "doca-platform-project-host";
  /** ArgoCD's name for the cluster it runs in. */
  public static final String ARGOCD_IN_CLUSTER = "in-cluster";
  /** requestorID of the NodeMaintenance a draining DPU creates. */
  public static final String NODE_MAINTENANCE_REQUESTOR = "dpu.nvidia.com";
  public static final String NODE_MAINTENANCE_ADDITIONAL_REQUESTOR = "provisioning.dpu.nvidia.com";
  public static final String PROVISIONING_CLIENT_SECRET = "dpf-provisioning-client-secret";
  public static final String PROVISIONING_ISSUER = "dpf-provisioning-issuer";

  private Names() {
  }

  /** ArgoCD Application of a DPUService in one cluster: {@code <cluster>-<dpuservice>}. */
  public static String application(String clusterName, String dpuServiceName) {
    return clusterName + "-" + dpuServiceName;
  }

  /** DPU made by a DPUSet: {@code <lower(node)>-<pci address label value>}. */
  public static String dpu(String nodeName, String pciAddressLabel) {
    return nodeName.toLowerCase(Locale.ROOT) + "-" + pciAddressLabel;
  }

  /** The admin kubeconfig Secret of a (Kamaji) cluster: {@code <cluster>-admin-kubeconfig}. */
  public static String adminKubeconfigSecret(String clusterName) {
    return clusterName + "-admin-kubeconfig";
  }

  /** {@code <namespace>-<name>}: the ArgoCD cluster Secret of a DPUCluster, and DPF's cluster key. */
  public static String clusterNamespaceName(String namespace, String name) {
    return namespace + "-" + name;
  }

  public static String dmsPod(String dpuName) {
    return dpuName + "-dms";
  }

  public static String hostNetworkPod(String dpuName) {
    return dpuName + "-hostnetwork";
  }

  public static String dmsServerCertificate(String dpuName) {
    return dpuName + "-dms-server-cert";
  }

  public static String dmsServerSecret(String dpuName) {
    return dpuName + "-server-secret";
  }

  /** bf.cfg of a DPU in the BFB PVC: {@code <dpu>.cfg}. */
  public static String bfCfgFile(String dpuName) {
    return dpuName + ".cfg";
  }

  /** Default BFB file name in the PVC: {@code <namespace>-<name>.bfb}. */
  public static String bfbFileName(String namespace, String name) {
    return namespace + "-" + name + ".bfb";
  }

  /** Child of a ServiceChainSet or ServiceInterfaceSet on one node: {@code <set>-<node>}. */
  public static String setChild(String setName, String nodeName) {
    return setName + "-" + nodeName;
  }

  /** ApplySet parent Secret of an operator component: {@code <component>-applyset}. */
  public static String applySetParent(String component) {
    return component + "-applyset";
  }

  /** ApplySet id of a parent Secret, per the kubectl ApplySet KEP: base64url(sha256(name.namespace.Secret.)). */
  public static String applySetId(String parentName, String namespace) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((parentName + "." + namespace + ".Secret.").getBytes(StandardCharsets.UTF_8));
      return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "-v1";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  public static String keepalivedDaemonSet(String dpuClusterName) {
    return dpuClusterName + "-keepalived";
  }

  /** DPUService and DPUSet children of a DPUDeployment: {@code <dpudeployment>-<service or suffix>}. */
  public static String dpuDeploymentChild(String dpuDeploymentName, String suffix) {
    return dpuDeploymentName + "-" + suffix;
  }

  /** DPUServiceInterface of a DPUDeployment service: {@code <dpudeployment>-<service>-<iface, _ as ->}. */
  public static String dpuDeploymentInterface(String dpuDeploymentName, String service, String iface) {
    return dpuDeploymentName + "-" + service + "-" + iface.replace('_', '-');
  }

  /** serviceID of a DPUDeployment service: {@code dpudeployment_<dpudeployment>_<service>}. */
  public static String dpuDeploymentServiceId(String dpuDeploymentName, String service) {
    return "dpudeployment_" + dpuDeploymentName + "_" + service;
  }

  /** Value of {@link LabelKeys#OWNED_BY_DPU_DEPLOYMENT}: {@code <namespace>_<name>}. */
  public static String ownedByDpuDeployment(String namespace, String name) {
    return namespace + "_" + name;
  }
}
