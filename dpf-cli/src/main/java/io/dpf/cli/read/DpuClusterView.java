package io.dpf.cli.read;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;

/**
 * What one DPU cluster showed, reached through its DPUCluster's kubeconfig Secret.
 *
 * @param namespace the DPUCluster's namespace
 * @param name the DPUCluster's name
 * @param problem why the cluster could not be read, or null when it was
 * @param objects per kind (Node, and with --expand-resources the workloads and Pods)
 */
public record DpuClusterView(String namespace, String name, String problem,
    Map<Kind, List<GenericKubernetesResource>> objects) {

  public DpuClusterView {
    objects = Map.copyOf(objects);
  }

  public static DpuClusterView unreachable(String namespace, String name, String problem) {
    return new DpuClusterView(namespace, name, problem, Map.of());
  }

  public boolean reachable() {
    return problem == null;
  }

  public List<GenericKubernetesResource> all(Kind kind) {
    return objects.getOrDefault(kind, List.of());
  }

  /** The live object of this kind, or null. */
  public GenericKubernetesResource find(Kind kind, String objectNamespace, String objectName) {
    return all(kind).stream()
        .filter(o -> objectName.equals(o.getMetadata().getName()))
        .filter(o -> objectNamespace == null || objectNamespace.equals(o.getMetadata().getNamespace()))
        .findFirst().orElse(null);
  }
}
