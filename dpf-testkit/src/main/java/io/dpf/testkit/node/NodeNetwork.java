package io.dpf.testkit.node;

/**
 * The network of a slot (layout B of REAL-NODE.md): the API server's address on a bridge without
 * ports in the host namespace, and the node in a namespace of its own joined to the host by a veth
 * pair, with no default route. Pods reach the service range, which kube-proxy maps to API servers'
 * addresses, and the anchor range where API servers and the test's own servers listen; nothing else.
 * The host reaches the pod range (webhooks, the API server's proxy) with the anchor as source, so
 * that answers find their way back. Everything here is undone by the slot's teardown script.
 */
public final class NodeNetwork {

  private NodeNetwork() {}

  /** The bridge with the API server's address: all a cluster needs to be reachable from pods. */
  public static void createAnchor(SlotNames n) {
    HostCommands.run("ip", "link", "add", n.anchorDevice(), "type", "bridge");
    HostCommands.run("ip", "addr", "add", n.anchorAddress() + "/32", "dev", n.anchorDevice());
    HostCommands.run("ip", "link", "set", n.anchorDevice(), "up");
  }

  /** The node's namespace, its veth pair and the routes both ways. */
  public static void createNodeNamespace(SlotNames n) {
    String ns = n.netns();
    HostCommands.run("ip", "netns", "add", ns);
    HostCommands.run("ip", "link", "add", n.hostVeth(), "type", "veth", "peer", "name", n.nodeVeth(), "netns", ns);
    HostCommands.run("ip", "addr", "add", n.hostVethAddress() + "/30", "dev", n.hostVeth());
    HostCommands.run("ip", "link", "set", n.hostVeth(), "up");
    HostCommands.run("ip", "-n", ns, "link", "set", "lo", "up");
    HostCommands.run("ip", "-n", ns, "addr", "add", n.nodeAddress() + "/30", "dev", n.nodeVeth());
    HostCommands.run("ip", "-n", ns, "link", "set", n.nodeVeth(), "up");
    HostCommands.run("ip", "-n", ns, "route", "add", SlotNames.anchorRange(), "via", n.hostVethAddress());
    HostCommands.run("ip", "route", "add", n.podCidr(), "via", n.nodeAddress(), "src", n.anchorAddress());
    // Pods' traffic is routed through the node's namespace (CNI bridge -> veth).
    HostCommands.run("nsenter", "--net=" + netnsPath(n), "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
  }

  public static String netnsPath(SlotNames n) {
    return "/run/netns/" + n.netns();
  }
}
