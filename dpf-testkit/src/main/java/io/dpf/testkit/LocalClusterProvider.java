package io.dpf.testkit;

/** Clusters from locally built kube-apiserver, controllers, scheduler and KWOK: no Docker needed. */
public final class LocalClusterProvider implements ClusterProvider {

  @Override
  public Cluster start(String name) {
    return LocalControlPlane.start(name);
  }

  @Override
  public String description() {
    return "local control plane (binaries in " + EnvtestBinaries.directory() + ")";
  }
}
