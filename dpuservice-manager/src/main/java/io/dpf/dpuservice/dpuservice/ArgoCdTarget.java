package io.dpf.dpuservice.dpuservice;

import io.dpf.api.Names;

/**
 * Where one Application of a DPUService goes: a DPU cluster by its DPUCluster name, or the host
 * ({@code in-cluster}) when the DPUService has {@code deployInCluster}.
 */
public record ArgoCdTarget(String clusterName, boolean host) {

  public static ArgoCdTarget dpuCluster(String name) {
    return new ArgoCdTarget(name, false);
  }

  public static ArgoCdTarget hostCluster() {
    return new ArgoCdTarget(Names.ARGOCD_IN_CLUSTER, true);
  }

  public String project() {
    return host ? Names.APP_PROJECT_HOST : Names.APP_PROJECT_DPU;
  }
}
