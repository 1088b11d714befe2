package io.dpf.cli.read;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one describe run read: each host kind listed once, and what each DPU cluster
 * showed (or why it could not be reached). The tree is built from this alone.
 *
 * @param objects host objects per kind, sorted by namespace and name
 * @param readErrors kinds that could not be listed, with the reason (a kind whose CRD is not
 *     installed is simply empty)
 * @param dpuClusters per DPUCluster ({@code <namespace>/<name>}), what its cluster showed
 */
public record Snapshot(Map<Kind, List<GenericKubernetesResource>> objects, Map<Kind, String> readErrors,
    Map<String, DpuClusterView> dpuClusters) {

  public static final Comparator<GenericKubernetesResource> BY_NAMESPACE_AND_NAME = Comparator
      .comparing((GenericKubernetesResource o) -> String.valueOf(o.getMetadata().getNamespace()))
      .thenComparing(o -> o.getMetadata().getName());

  public Snapshot {
    Map<Kind, List<GenericKubernetesResource>> sorted = new LinkedHashMap<>();
    objects.forEach((kind, list) -> sorted.put(kind, list.stream().sorted(BY_NAMESPACE_AND_NAME).toList()));
    objects = Map.copyOf(sorted);
    readErrors = Map.copyOf(readErrors);
    dpuClusters = Map.copyOf(dpuClusters);
  }

  public List<GenericKubernetesResource> all(Kind kind) {
    return objects.getOrDefault(kind, List.of());
  }

  /** The DPU cluster view of DPUCluster {@code namespace/name}, if that cluster was read. */
  public DpuClusterView dpuCluster(String namespace, String name) {
    return dpuClusters.get(namespace + "/" + name);
  }

  /** The view of the DPU cluster an Application targets, found by DPUCluster name. */
  public DpuClusterView dpuClusterNamed(String name) {
    return dpuClusters.values().stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
  }
}
