package io.dpf.cli.read;

import java.util.List;
import java.util.Set;

/**
 * What one describe run reads.
 *
 * @param hostKinds the host kinds to list (each once, across all namespaces)
 * @param dpuClusters whether to reach each DPUCluster's cluster (its Nodes)
 * @param dpuWorkloads whether to also list the DPU clusters' Deployments, DaemonSets,
 *     StatefulSets and Pods (for --expand-resources)
 */
public record ReadPlan(Set<Kind> hostKinds, boolean dpuClusters, boolean dpuWorkloads) {

  /** The kinds read in every DPU cluster with {@code dpuWorkloads}. */
  public static final List<Kind> DPU_WORKLOAD_KINDS = List.of(Kind.DEPLOYMENT, Kind.DAEMON_SET, Kind.STATEFUL_SET,
      Kind.POD);

  public ReadPlan {
    hostKinds = Set.copyOf(hostKinds);
    if (dpuClusters && !hostKinds.contains(Kind.DPU_CLUSTER)) {
      throw new IllegalArgumentException("reading DPU clusters needs the DPUCluster list");
    }
  }
}
