package io.dpf.servicechainset;

import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.Node;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the Node changes that matter to a set (a node added, deleted, relabelled or being deleted)
 * from the status heartbeats that make up almost every Node update and would otherwise reconcile
 * every set, applying every child, each time any node reports in. It compares what the node cache
 * holds now with what it held the last time it was asked; the cache is updated before its handlers
 * run, so a deleted node is one the cache no longer has.
 */
final class NodeChanges {

  private final KindCache<Node> nodes;
  private final Map<String, String> seen = new ConcurrentHashMap<>();

  NodeChanges(KindCache<Node> nodes) {
    this.nodes = nodes;
  }

  /** True when the node's labels or existence changed since the last call for it. */
  boolean matters(Node changed) {
    String name = changed.getMetadata().getName();
    Node now = nodes.get(new ResourceKey(null, name));
    if (now == null) {
      return seen.remove(name) != null;
    }
    String fingerprint = Objects.toString(now.getMetadata().getLabels()) + "|" + now.getMetadata().getDeletionTimestamp();
    return !fingerprint.equals(seen.put(name, fingerprint));
  }
}
