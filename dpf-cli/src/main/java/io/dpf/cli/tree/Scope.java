package io.dpf.cli.tree;

import io.dpf.cli.read.Kind;
import io.dpf.cli.read.ReadPlan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a describe subcommand shows, and so what it reads. */
public enum Scope {
  ALL(List.of(Kind.DPF_OPERATOR_CONFIG, Kind.DPU_CLUSTER, Kind.DPU_DEPLOYMENT, Kind.DPU_SET, Kind.BFB_KIND,
      Kind.DPU_KIND, Kind.DPU_SERVICE, Kind.DPU_SERVICE_TEMPLATE, Kind.DPU_SERVICE_CHAIN, Kind.DPU_SERVICE_INTERFACE,
      Kind.DPU_SERVICE_IPAM, Kind.DPU_SERVICE_CREDENTIAL_REQUEST), true),
  DPU_CLUSTERS(List.of(Kind.DPU_CLUSTER), true),
  DPU_DEPLOYMENTS(List.of(Kind.DPU_DEPLOYMENT, Kind.DPU_SET, Kind.BFB_KIND, Kind.DPU_KIND, Kind.DPU_SERVICE,
      Kind.DPU_SERVICE_TEMPLATE, Kind.DPU_SERVICE_CHAIN, Kind.DPU_SERVICE_INTERFACE), false),
  DPU_SERVICES(List.of(Kind.DPU_SERVICE), false),
  DPU_SETS(List.of(Kind.DPU_SET, Kind.BFB_KIND, Kind.DPU_KIND), false);

  private final List<Kind> kinds;
  private final boolean showsDpuClusters;

  Scope(List<Kind> kinds, boolean showsDpuClusters) {
    this.kinds = kinds;
    this.showsDpuClusters = showsDpuClusters;
  }

  /**
   * The reads this scope needs: its kinds; with expanded resources also the Applications and
   * each DPU cluster's workloads. DPU clusters are reached only when the tree shows them.
   */
  public ReadPlan plan(boolean expandResources) {
    Set<Kind> read = new HashSet<>(kinds);
    boolean expand = expandResources && read.contains(Kind.DPU_SERVICE);
    if (expand) {
      read.add(Kind.APPLICATION);
      read.add(Kind.DPU_CLUSTER);
    }
    return new ReadPlan(read, showsDpuClusters || expand, expand);
  }
}
