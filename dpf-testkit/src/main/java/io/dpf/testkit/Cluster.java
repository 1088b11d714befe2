package io.dpf.testkit;

import io.dpf.testkit.node.RealNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** A Kubernetes cluster a test or the demo talks to, however it was provided. */
public interface Cluster extends AutoCloseable {

  String name();

  /** An admin client. Owned by the cluster: do not close it. */
  KubernetesClient client();

  /** The admin kubeconfig, as a DPU cluster's {@code admin.conf} Secret would hold it. */
  String kubeconfigYaml();

  /** The admin kubeconfig on disk, for kubectl. */
  Path kubeconfig();

  /** True when Pods are run by simulated (KWOK) or real nodes, so workloads become ready. */
  boolean runsWorkloads();

  /** Adds a node that runs Pods (a KWOK node on the local provider) carrying the given labels. */
  void addNode(String name, Map<String, String> labels);

  /** The node that runs real containers, where the provider started one (local clusters, as asked). */
  default Optional<RealNode> realNode() {
    return Optional.empty();
  }

  default void installCrds(Collection<CustomResourceDefinition> crds) {
    Crds.install(client(), crds);
  }

  default void installCrds(Path fileOrDirectory) {
    Crds.install(client(), Crds.load(fileOrDirectory));
  }

  @Override
  void close();
}
