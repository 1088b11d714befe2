package io.dpf.testkit;

import io.dpf.testkit.node.NodeOptions;

/**
 * How a {@link LocalControlPlane} is started. By default: the full control plane with KWOK nodes on
 * loopback. {@link #reachableFromPods()} puts the API server on an address of its own that pods on
 * real nodes (this cluster's or another's) can reach, for a DPU cluster whose clients run as pods
 * on the host cluster; {@link #withRealNode} adds a node that runs containers, which implies it.
 *
 * @param realNode the real node to start, or null for none
 */
public record ClusterOptions(boolean apiServerOnly, boolean reachableFromPods, NodeOptions realNode) {

  public ClusterOptions {
    if (realNode != null && apiServerOnly) {
      throw new IllegalArgumentException("a real node needs the full control plane (scheduler, controllers)");
    }
    reachableFromPods = reachableFromPods || realNode != null;
  }

  public static ClusterOptions full() {
    return new ClusterOptions(false, false, null);
  }

  public static ClusterOptions onlyApiServer() {
    return new ClusterOptions(true, false, null);
  }

  public ClusterOptions reachable() {
    return new ClusterOptions(apiServerOnly, true, realNode);
  }

  public ClusterOptions withRealNode(NodeOptions node) {
    return new ClusterOptions(apiServerOnly, true, node);
  }
}
