package io.dpf.dpuservice;

import io.dpf.api.ApiTypes;
import io.dpf.api.LabelKeys;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.dpf.api.svc.v1alpha1.DPUServiceIPAM;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSet;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProject;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.nvipam.v1alpha1.CIDRPool;
import io.dpf.api.thirdparty.nvipam.v1alpha1.IPPool;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.testkit.Cluster;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.Helm;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;

/** A host with DPF's CRDs and a DPFOperatorConfig, DPU clusters registered on it, and the manager in this JVM. */
final class DpuServiceFixture {

  static final String ARGOCD_NAMESPACE = "dpf-operator-system";
  static final String SERVICE_ACCOUNT = "dpuservice-controller-manager";

  private DpuServiceFixture() {}

  static void prepareHost(Cluster host) {
    host.installCrds(List.of(ApiTypes.crd(Application.class), ApiTypes.crd(AppProject.class)));
    prepareHostForArgoCd(host);
  }

  /** As {@link #prepareHost}, but Argo CD's own Application and AppProject CRDs stay (a real Argo CD installed them). */
  static void prepareHostForArgoCd(Cluster host) {
    host.installCrds(List.of(ApiTypes.crd(DPUService.class), ApiTypes.crd(DPUServiceInterface.class),
        ApiTypes.crd(DPUServiceChain.class), ApiTypes.crd(DPUServiceIPAM.class),
        ApiTypes.crd(DPUServiceCredentialRequest.class), ApiTypes.crd(DPUDeployment.class),
        ApiTypes.crd(DPUServiceTemplate.class), ApiTypes.crd(DPUServiceConfiguration.class), ApiTypes.crd(BFB.class),
        ApiTypes.crd(DPUFlavor.class), ApiTypes.crd(DPUSet.class),
        ApiTypes.crd(DPUCluster.class), ApiTypes.crd(DPFOperatorConfig.class)));
    KubernetesClient client = host.client();
    namespace(client, ARGOCD_NAMESPACE);
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: operator.dpu.nvidia.com/v1alpha1
        kind: DPFOperatorConfig
        metadata: {name: dpfoperatorconfig, namespace: dpf-operator-system}
        spec:
          provisioningConfiguration: {bfbPVCName: bfb-pvc}
        """, DPFOperatorConfig.class)).create();
  }

  /** The DPU-side kinds, which the dpu-networking chart's system DPUServices would install. */
  static void prepareDpuCluster(Cluster dpuCluster) {
    dpuCluster.installCrds(List.of(ApiTypes.crd(ServiceChainSet.class), ApiTypes.crd(ServiceInterfaceSet.class),
        ApiTypes.crd(IPPool.class), ApiTypes.crd(CIDRPool.class)));
  }

  /** Stops the manager, then the clusters in the order given; tolerates what never started. */
  static void closeAll(Manager manager, LocalControlPlane... clusters) {
    if (manager != null) {
      manager.close();
    }
    for (LocalControlPlane cluster : clusters) {
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  /** The kubeconfig Secret as Kamaji writes it, and a static DPUCluster naming it. */
  static void registerDpuCluster(Cluster host, String name, Cluster dpuCluster) {
    registerDpuCluster(host, name, dpuCluster.kubeconfigYaml());
  }

  static void registerDpuCluster(Cluster host, String name, String kubeconfigYaml) {
    String namespace = clusterNamespace(name);
    DpuClusters.register(host, namespace, name, kubeconfigYaml);
    DPUCluster cluster = host.client().getKubernetesSerialization().unmarshal("""
        apiVersion: provisioning.dpu.nvidia.com/v1alpha1
        kind: DPUCluster
        metadata: {name: %s, namespace: %s}
        spec: {type: static, version: v1.31.0, kubeconfig: %s}
        """.formatted(name, namespace, DpuClusters.secretName(name)), DPUCluster.class);
    host.client().resource(cluster).serverSideApply();
  }

  /**
   * Waits until the manager's writes stop (a reconcile that started from a cache older than its own
   * last write may repeat it once), then returns the writes made during {@code window} of nothing
   * changing. The window is a measurement period, not a wait for a result.
   */
  static List<String> writesWhileNothingChanges(WriteCounter writes, Duration window) throws InterruptedException {
    int[] last = {-1};
    Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).until(() -> {
      int now = writes.count();
      boolean quiet = now == last[0];
      last[0] = now;
      return quiet;
    });
    int before = writes.count();
    Thread.sleep(window.toMillis());
    return writes.since(before);
  }

  /** A DPUService of an OCI chart named like the service, with a value and the service's name as serviceID. */
  static DPUService dpuService(KubernetesClient client, String namespace, String name) {
    return client.getKubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUService
        metadata: {name: %s, namespace: %s}
        spec:
          serviceID: %s
          helmChart:
            source: {repoURL: "oci://ghcr.io/nvidia/charts", chart: %s, version: "0.1.0"}
            values: {image: {tag: v1}}
        """.formatted(name, namespace, name, name), DPUService.class);
  }

  /** A Secret marked for mirroring into the DPU clusters, as the DPF operator labels them. */
  static Secret pullSecret(String namespace, String name, String dockerConfig) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .addToLabels(LabelKeys.IMAGE_PULL_SECRET, "").endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .addToData(".dockerconfigjson", Base64.getEncoder().encodeToString(dockerConfig.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  static String clusterNamespace(String clusterName) {
    return "dpu-cplane-" + clusterName;
  }

  static void namespace(KubernetesClient client, String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  /**
   * The RBAC of the dpuservice-controller chart (rendered with the helm CLI), so the manager below
   * runs with exactly the permissions the chart grants.
   */
  static void installChartRbac(Cluster host) {
    Path chart = Path.of(System.getProperty("dpf.root", ".."), "charts", "dpuservice-controller");
    String manifests = Helm.template(chart, "dpuservice-controller", ARGOCD_NAMESPACE, "");
    List<HasMetadata> rbac = host.client().load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
        .items().stream().filter(o -> !"Deployment".equals(o.getKind())).toList();
    rbac.forEach(object -> host.client().resource(object).inNamespace(ARGOCD_NAMESPACE).serverSideApply());
  }

  /**
   * The manager, its host client impersonating the chart's service account (a missing permission
   * fails the test), and clients (host and DPU clusters) whose writes {@code writes} counts.
   */
  static Manager startManager(Cluster host, WriteCounter writes) {
    Config config = Config.fromKubeconfig(host.kubeconfigYaml());
    config.setImpersonateUsername("system:serviceaccount:" + ARGOCD_NAMESPACE + ":" + SERVICE_ACCOUNT);
    config.setImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + ARGOCD_NAMESPACE,
        "system:authenticated");
    Manager manager = Manager.create(
        new ManagerModule(new ManagerSettings("dpuservice-manager", 0, null, Duration.ofSeconds(5))),
        ManagerModule.useClient(writes.countingClient(config)),
        new DpuServiceManagerModule(() -> new CountingDpuClusterClients(writes)));
    manager.start();
    return manager;
  }
}
