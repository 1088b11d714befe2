package io.dpf.sfc;

import io.dpf.sfc.ovs.OvsSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * What one node's sfc-controller is told.
 *
 * @param nodeName the DPU node it programs; only objects with this {@code spec.node} are its own
 * @param resync how often an unchanged interface or chain is checked against the switch anyway
 *     (a port or flow someone removed by hand comes back)
 * @param retry how soon an interface or chain that could not be completed is looked at again
 * @param vswitchdPoll how often the ovs-vswitchd pidfile is read to notice a restart
 * @param sweep how often flows and ports that no object asks for any more are removed
 */
public record NodeSettings(String nodeName, OvsSettings ovs, Duration resync, Duration retry, Duration vswitchdPoll,
    Duration sweep) {

  public NodeSettings {
    Objects.requireNonNull(nodeName, "nodeName");
  }

  public static NodeSettings of(String nodeName, OvsSettings ovs) {
    return new NodeSettings(nodeName, ovs, Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(1),
        Duration.ofSeconds(60));
  }

  public NodeSettings withResync(Duration period) {
    return new NodeSettings(nodeName, ovs, period, retry, vswitchdPoll, sweep);
  }

  public NodeSettings withSweep(Duration period) {
    return new NodeSettings(nodeName, ovs, resync, retry, vswitchdPoll, period);
  }

  /** True when the object's {@code spec.node} names this node. */
  public boolean isMine(String specNode) {
    return nodeName.equals(specNode);
  }
}
