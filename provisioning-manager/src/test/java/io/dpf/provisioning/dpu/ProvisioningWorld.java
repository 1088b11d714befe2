package io.dpf.provisioning.dpu;

import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.BFBSpec;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.api.provisioning.v1alpha1.DPUClusterSpec;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUFlavorSpec;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.api.provisioning.v1alpha1.InstallInterface;
import io.dpf.api.provisioning.v1alpha1.NodeEffect;
import io.dpf.provisioning.dpu.install.BmcAccess;
import io.dpf.testkit.Cluster;
import io.dpf.testkit.DpuClusters;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The objects a provisioning test needs on the host cluster, as a user (or the DPF operator) creates them. */
final class ProvisioningWorld {

  static final String DPU_CLUSTER = "dpu-cplane-tenant1";

  private ProvisioningWorld() {}

  /** A static DPUCluster whose kubeconfig points back at the host cluster itself (the envtest trick). */
  static void dpuClusterOnItself(Cluster host, String namespace) {
    dpuClusterOnItself(host, namespace, 10);
  }

  /** As above, with room for {@code maxNodes} DPUs. */
  static void dpuClusterOnItself(Cluster host, String namespace, int maxNodes) {
    DpuClusters.register(host, namespace, DPU_CLUSTER, host);
    DPUCluster cluster = new DPUCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withName(DPU_CLUSTER).withNamespace(namespace).build());
    DPUClusterSpec spec = new DPUClusterSpec();
    spec.setType("static");
    spec.setMaxNodes(maxNodes);
    spec.setVersion("v1.31.0");
    spec.setKubeconfig(DpuClusters.secretName(DPU_CLUSTER));
    cluster.setSpec(spec);
    KubernetesClient client = host.client();
    client.resource(cluster).create();
  }

  static void bfb(KubernetesClient client, String namespace, String name, String url) {
    BFB bfb = new BFB();
    bfb.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    BFBSpec spec = new BFBSpec();
    spec.setUrl(url);
    bfb.setSpec(spec);
    client.resource(bfb).create();
  }

  static void flavor(KubernetesClient client, String namespace, String name) {
    DPUFlavor flavor = new DPUFlavor();
    flavor.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    DPUFlavorSpec spec = new DPUFlavorSpec();
    spec.setBfcfgParameters(List.of("UPDATE_ATF_UEFI=yes", "UPDATE_DPU_OS=yes", "WITH_NIC_FW_UPDATE=yes"));
    flavor.setSpec(spec);
    client.resource(flavor).create();
  }

  static void bmcCredentials(KubernetesClient client, String namespace, String name, String user, String password,
      String caPem) {
    bmcCredentials(client, namespace, name, user, password, caPem, Map.of());
  }

  /** As above, with more keys such as {@code authMethod: session}. */
  static void bmcCredentials(KubernetesClient client, String namespace, String name, String user, String password,
      String caPem, Map<String, String> more) {
    Map<String, String> data = new HashMap<>(more);
    data.putAll(Map.of(BmcAccess.USERNAME, user, BmcAccess.PASSWORD, password, BmcAccess.CA, caPem));
    client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
        .withNamespace(namespace).endMetadata().withStringData(data).build())
        .serverSideApply();
  }

  /** A DPU installed through its BMC, with no effect on the host. */
  static DPU redfishDpu(String namespace, String host, String pci, String bfb, String flavor, int bmcPort, String secret) {
    DPU dpu = new DPU();
    dpu.setMetadata(new ObjectMetaBuilder().withName(host + "-" + pci).withNamespace(namespace)
        .withLabels(Map.of("test", "dpu-it")).build());
    DPUSpec spec = new DPUSpec();
    spec.setNodeName(host);
    spec.setPciAddress(pci);
    spec.setBfb(bfb);
    spec.setDpuFlavor(flavor);
    NodeEffect noEffect = new NodeEffect();
    noEffect.setNoEffect(true);
    spec.setNodeEffect(noEffect);
    spec.setInstallInterface(InstallInterface.REDFISH);
    spec.setBmcIp("127.0.0.1");
    spec.setBmcPort(bmcPort);
    spec.setBmcCredentialsSecret(secret);
    DPUClusterReference cluster = new DPUClusterReference();
    cluster.setNodeLabels(Map.of("dpu.example.com/role", "worker"));
    spec.setCluster(cluster);
    dpu.setSpec(spec);
    return dpu;
  }
}
