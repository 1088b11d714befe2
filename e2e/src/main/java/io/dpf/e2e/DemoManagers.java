package io.dpf.e2e;

import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterSpec;
import io.dpf.dpuservice.DpuServiceManagerModule;
import io.dpf.operator.OperatorModule;
import io.dpf.operator.OperatorSettings;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.testkit.DpuClusters;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The managers the demo runs in this JVM, as their Deployments would run them in a cluster whose
 * nodes run containers: the DPF operator and the DPUService manager, beside the real Argo CD as
 * local processes ({@link DemoArgoCd}). The operator's Deployments stay simulated pods.
 */
final class DemoManagers implements AutoCloseable {

  private final List<Manager> managers = new ArrayList<>();

  /** @param dpuNetworkingHelmChart where the system DPUServices' chart is served ({@code <repo>/<chart>:<version>}) */
  static DemoManagers start(KubernetesClient host, String dpuNetworkingHelmChart) {
    DemoManagers demo = new DemoManagers();
    demo.start("dpf-operator", host,
        new OperatorModule(OperatorSettings.defaults().withDpuNetworkingHelmChart(dpuNetworkingHelmChart)));
    demo.start("dpuservice-manager", host, new DpuServiceManagerModule());
    return demo;
  }

  /**
   * The seed's tenant as a DPUCluster (v25.1's registry of DPU clusters), pointing at its kubeconfig
   * Secret as Kamaji writes it. Type {@code static}: the local DPU cluster is no Kamaji
   * TenantControlPlane, and a {@code kamaji} one would rightly be reported not Ready (none to adopt).
   */
  static void registerDpuCluster(KubernetesClient host, String namespace, String name, String version) {
    DPUClusterSpec spec = new DPUClusterSpec();
    spec.setVersion(version);
    spec.setType("static");
    spec.setMaxNodes(1000);
    spec.setKubeconfig(DpuClusters.secretName(name));
    DPUCluster cluster = new DPUCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    cluster.setSpec(spec);
    host.resource(cluster).fieldManager("dpf-demo").serverSideApply();
  }

  private void start(String name, KubernetesClient host, com.google.inject.Module module) { // fqn: java.lang.Module
    Manager manager = Manager.create(new ManagerModule(new ManagerSettings(name, 0, null, Duration.ofSeconds(5))),
        ManagerModule.useClient(host), module);
    manager.start();
    managers.add(manager);
  }

  @Override
  public void close() {
    for (int i = managers.size() - 1; i >= 0; i--) {
      managers.get(i).close();
    }
  }
}
