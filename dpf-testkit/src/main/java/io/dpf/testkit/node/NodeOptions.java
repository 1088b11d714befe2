package io.dpf.testkit.node;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a real node registers as: its name, labels and taints. By default it carries
 * {@code dpf.io/real-node=true} as label and as a NoSchedule taint, so that only Pods that ask for
 * a real node (toleration and node selector) land there and every other Pod stays on KWOK nodes.
 */
public record NodeOptions(String name, Map<String, String> labels, List<Taint> taints) {

  public static final String REAL_NODE_KEY = "dpf.io/real-node";

  public NodeOptions {
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
  }

  public static NodeOptions named(String name) {
    return new NodeOptions(name, Map.of(REAL_NODE_KEY, "true"),
        List.of(new TaintBuilder().withKey(REAL_NODE_KEY).withValue("true").withEffect("NoSchedule").build()));
  }

  public NodeOptions withLabel(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(labels);
    more.put(key, value);
    return new NodeOptions(name, more, taints);
  }

  public NodeOptions withTaints(List<Taint> replaced) {
    return new NodeOptions(name, labels, replaced);
  }
}
