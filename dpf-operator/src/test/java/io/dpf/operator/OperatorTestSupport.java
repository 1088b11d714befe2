package io.dpf.operator;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.testkit.Cluster;
import io.dpf.testkit.Helm;
import io.dpf.testkit.SeedPrerequisites;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The seed's prerequisites on a host cluster, and the operator running in this JVM. */
public final class OperatorTestSupport {

  public static final String NAMESPACE = SeedPrerequisites.NAMESPACE;

  private OperatorTestSupport() {}

  static final String SERVICE_ACCOUNT = "dpf-operator-controller-manager";
  /** The packaged operator chart (CRDs, RBAC, Deployment), built by hack/render-charts.sh. */
  static final Path CHART = Path.of("target/generated-resources/charts/charts/dpf-operator-0.1.0.tgz");

  /**
   * Host nodes (one control plane for the managers' affinity), the operator chart installed with
   * the helm CLI as a user would (its CRDs, RBAC and Deployment; {@code helmValues} as
   * {@code --set key=value}), and the seed's prerequisites.
   */
  public static void prepareHost(Cluster host, String... helmValues) {
    host.addNode("control-plane-0", Map.of("node-role.kubernetes.io/control-plane", ""));
    host.addNode("worker-0", Map.of("node-role.kubernetes.io/worker", ""));
    List<String> args = new ArrayList<>(List.of("--wait", "--timeout", "2m"));
    for (String value : helmValues) {
      args.addAll(List.of("--set", value));
    }
    Helm.install(host, "dpf-operator", CHART, NAMESPACE, args.toArray(String[]::new));
    SeedPrerequisites.create(host);
  }

  /**
   * The operator in this JVM, with the chart's RBAC only: its client impersonates the chart's
   * service account, so a missing permission fails the test.
   */
  public static Manager startOperator(Cluster host, WriteCounter writes) {
    return startOperator(host, writes, OperatorSettings.defaults());
  }

  /** As {@link #startOperator(Cluster, WriteCounter)}, with other flags. */
  static Manager startOperator(Cluster host, WriteCounter writes, OperatorSettings settings) {
    Config config = Config.fromKubeconfig(host.kubeconfigYaml());
    config.setImpersonateUsername("system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT);
    config.setImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + NAMESPACE, "system:authenticated");
    return startOperator(writes.countingClient(config), settings);
  }

  private static Manager startOperator(KubernetesClient client, OperatorSettings settings) {
    Manager manager = Manager.create(
        new ManagerModule(new ManagerSettings("dpf-operator", 0, null, Duration.ofSeconds(5))),
        ManagerModule.useClient(client),
        new OperatorModule(settings));
    manager.start();
    return manager;
  }

  public static DPFOperatorConfig seedConfig(KubernetesClient client) {
    return client.getKubernetesSerialization().unmarshal(
        OperatorTestSupport.class.getResourceAsStream("/seed-dpfoperatorconfig.yaml"), DPFOperatorConfig.class);
  }
}
