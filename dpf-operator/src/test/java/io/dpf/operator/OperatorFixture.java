package io.dpf.operator;

import io.dpf.api.ApiTypes;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.testkit.Cluster;
import io.dpf.testkit.SeedPrerequisites;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The seed's prerequisites on a host cluster, and the operator running in this JVM. */
final class OperatorFixture {

  static final String NAMESPACE = SeedPrerequisites.NAMESPACE;

  private OperatorFixture() {}

  /** Host nodes (one control plane for the managers' affinity), DPF's CRDs and the seed's prerequisites. */
  static void prepareHost(Cluster host) {
    host.addNode("control-plane-0", Map.of("node-role.kubernetes.io/control-plane", ""));
    host.addNode("worker-0", Map.of("node-role.kubernetes.io/worker", ""));
    List<CustomResourceDefinition> crds = ApiTypes.all().stream()
        .filter(k -> !ApiTypes.DPU_CLUSTER_KINDS.contains(k))
        .filter(k -> !k.getPackageName().contains("argocd")) // Argo CD's CRDs are the operator's to install
        .map(ApiTypes::crd).toList();
    host.installCrds(crds);
    SeedPrerequisites.create(host);
  }

  static Manager startOperator(Cluster host, WriteCounter writes) {
    KubernetesClient client = writes.countingClient(host);
    Manager manager = Manager.create(
        new ManagerModule(new ManagerSettings("dpf-operator", 0, null, Duration.ofSeconds(5))),
        ManagerModule.useClient(client),
        new OperatorModule(OperatorSettings.defaults()));
    manager.start();
    return manager;
  }

  static DPFOperatorConfig seedConfig(KubernetesClient client) {
    return client.getKubernetesSerialization().unmarshal(
        OperatorFixture.class.getResourceAsStream("/seed-dpfoperatorconfig.yaml"), DPFOperatorConfig.class);
  }
}
