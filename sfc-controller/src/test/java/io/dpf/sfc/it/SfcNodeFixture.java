package io.dpf.sfc.it;

import io.dpf.api.ApiTypes;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.sfc.NodeSettings;
import io.dpf.sfc.SfcControllerModule;
import io.dpf.sfc.ovs.OvsSettings;
import io.dpf.testkit.ChartRbac;
import io.dpf.testkit.Cluster;
import io.dpf.testkit.LocalOpenVswitch;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A DPU cluster node as the per-node controller sees it: the DPU-side CRDs, the sfc-controller
 * chart's RBAC (the controller impersonates its service account, so a missing permission fails the
 * test), this JVM's Open vSwitch as the node's switch, and the controller running here for the node.
 */
public final class SfcNodeFixture {

  public static final String RELEASE_NAMESPACE = "dpf-operator-system";
  public static final String SERVICE_ACCOUNT = "sfc-controller";

  private SfcNodeFixture() {}

  public static void installCrdsAndChartRbac(Cluster dpu) {
    dpu.installCrds(List.of(ApiTypes.crd(ServiceChain.class), ApiTypes.crd(ServiceInterface.class)));
    dpu.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(RELEASE_NAMESPACE)
        .endMetadata().build()).serverSideApply();
    ChartRbac.install(dpu, ChartRbac.chart("dpu-networking", "charts", "sfc-controller"), "sfc-controller",
        RELEASE_NAMESPACE);
  }

  /** Quick periods, so tests see resyncs, restarts and sweeps within seconds. */
  public static NodeSettings settings(String node, LocalOpenVswitch ovs) {
    OvsSettings switchSettings = new OvsSettings(ovs.runDirectory(), Path.of("/usr/bin"), "system",
        Duration.ofSeconds(5), null);
    return new NodeSettings(node, switchSettings, Duration.ofSeconds(5), Duration.ofSeconds(1),
        Duration.ofMillis(500), Duration.ofSeconds(2));
  }

  public static Manager start(Cluster dpu, NodeSettings settings, WriteCounter writes) {
    Config config = ChartRbac.asServiceAccount(dpu, RELEASE_NAMESPACE, SERVICE_ACCOUNT);
    Manager manager = Manager.create(
        new ManagerModule(new ManagerSettings("sfc-controller-" + settings.nodeName(), 0, null, Duration.ofSeconds(5))),
        ManagerModule.useClient(writes.countingClient(config)), new SfcControllerModule(settings));
    manager.start();
    return manager;
  }

  /** A one-switch chain on {@code node} whose ports select ServiceInterfaces by {@code label=<value>}. */
  public static ServiceChain chain(String name, String namespace, String node, String label, List<String> values) {
    StringBuilder ports = new StringBuilder();
    values.forEach(v -> ports.append("    - serviceInterface: {matchLabels: {").append(label).append(": \"").append(v)
        .append("\"}}\n"));
    return new KubernetesSerialization().unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: ServiceChain
        metadata: {name: %s, namespace: %s}
        spec:
          node: %s
          switches:
          - ports:
        %s""".formatted(name, namespace, node, ports), ServiceChain.class);
  }
}
