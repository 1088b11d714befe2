package io.dpf.e2e;

import io.dpf.api.LabelKeys;
import io.dpf.testkit.Cluster;
import io.dpf.testkit.ClusterOptions;
import io.dpf.testkit.ClusterProvider;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.node.NodeOptions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The seed's starting point: a host cluster with DPU-carrying worker nodes, one Kamaji-style DPU
 * cluster {@code dpu-cplane-tenant1} registered on it through its admin kubeconfig Secret, and the
 * {@code dpf-operator-system} namespace.
 */
public final class LocalEnvironment implements AutoCloseable {

  public static final String OPERATOR_NAMESPACE = "dpf-operator-system";
  public static final String DPU_CLUSTER = "dpu-cplane-tenant1";
  /** The host cluster's control-plane node: where DPF's managers run (a real node where there is one). */
  public static final String CONTROL_PLANE_NODE = "ocp-control-plane";
  /** In the state directory: the directories of clusters left running by --keep. */
  public static final String KEPT_CLUSTERS = "clusters";
  /** The seed's host worker nodes, which carry the DPUs, and the DPU cluster's nodes (its hostNetworkConfiguration). */
  public static final List<String> HOST_WORKERS = List.of("ocp-worker-1", "ocp-worker-2");
  public static final List<String> DPU_WORKERS = List.of("dpu-worker-1", "dpu-worker-2");

  private final Cluster host;
  private final Cluster dpu;

  private LocalEnvironment(Cluster host, Cluster dpu) {
    this.host = host;
    this.dpu = dpu;
  }

  public static LocalEnvironment start(ClusterProvider provider) {
    return start(() -> provider.start("host"), () -> provider.start(DPU_CLUSTER));
  }

  /**
   * The same, with containers that really run: the host cluster's control-plane node is a real
   * kubelet node (where DPF's managers and Argo CD land, by their control-plane affinity), its
   * workers stay KWOK nodes; the DPU cluster's API server listens where the host's pods reach it.
   */
  public static LocalEnvironment startWithRealNode() {
    NodeOptions controlPlane = NodeOptions.named(CONTROL_PLANE_NODE)
        .withLabel(LabelKeys.NODE_ROLE_CONTROL_PLANE, "").withLabel(LabelKeys.NODE_ROLE_MASTER, "")
        .withTaints(List.of(new TaintBuilder().withKey(LabelKeys.NODE_ROLE_CONTROL_PLANE).withEffect("NoSchedule")
            .build()));
    return start(() -> LocalControlPlane.start("host", ClusterOptions.full().withRealNode(controlPlane)),
        () -> LocalControlPlane.start(DPU_CLUSTER, ClusterOptions.full().reachable()));
  }

  private static LocalEnvironment start(Supplier<Cluster> startHost, Supplier<Cluster> startDpu) {
    List<Cluster> started = new ArrayList<>();
    try {
      Cluster host = startHost.get();
      started.add(host);
      Cluster dpu = startDpu.get();
      started.add(dpu);
      if (host.runsWorkloads() && host.realNode().isEmpty()) {
        host.addNode(CONTROL_PLANE_NODE, Map.of(LabelKeys.NODE_ROLE_CONTROL_PLANE, "", LabelKeys.NODE_ROLE_MASTER, ""));
      }
      if (host.runsWorkloads()) {
        for (String worker : HOST_WORKERS) {
          host.addNode(worker, Map.of("node-role.kubernetes.io/worker", "",
              "feature.node.kubernetes.io/dpu-enabled", "true"));
        }
      }
      if (dpu.runsWorkloads()) {
        // As if provisioning had already joined the DPUs: the seed's demo starts from a working tenant.
        for (String worker : DPU_WORKERS) {
          dpu.addNode(worker, Map.of("node-role.kubernetes.io/worker", ""));
        }
      }
      host.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(OPERATOR_NAMESPACE)
          .endMetadata().build()).serverSideApply();
      DpuClusters.register(host, DPU_CLUSTER, DPU_CLUSTER, dpu);
      return new LocalEnvironment(host, dpu);
    } catch (RuntimeException e) {
      started.forEach(Cluster::close);
      throw e;
    }
  }

  /**
   * Leaves both clusters running after this JVM ends, and lists their directories in
   * {@code <stateDir>/clusters} for {@code ./dpf down}. Only local clusters can be kept.
   */
  public void keepRunning(Path stateDir) throws IOException {
    StringBuilder dirs = new StringBuilder();
    for (Cluster cluster : List.of(host, dpu)) {
      if (!(cluster instanceof LocalControlPlane local)) {
        throw new IllegalStateException("--keep needs local clusters; " + cluster.name() + " is not one");
      }
      dirs.append(local.keepRunning()).append('\n');
    }
    Files.writeString(stateDir.resolve(KEPT_CLUSTERS), dirs.toString());
  }

  public Cluster host() {
    return host;
  }

  public Cluster dpu() {
    return dpu;
  }

  @Override
  public void close() {
    dpu.close();
    host.close();
  }
}
