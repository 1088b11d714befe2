package io.dpf.testkit.node;

/** The names and addresses that slot {@code k} owns on the machine (see {@link NodeSlot}). */
public record SlotNames(int index) {

  /** The bridge without ports that carries the API server's address, reachable from every node's pods. */
  public String anchorDevice() {
    return "dpfa" + index;
  }

  public String anchorAddress() {
    return "10.250." + index + ".1";
  }

  /** Every slot's anchor address lies here: the range a node's pods may reach on the host. */
  public static String anchorRange() {
    return "10.250.0.0/16";
  }

  public String netns() {
    return "dpf-node-" + index;
  }

  public String hostVeth() {
    return "dpfh" + index;
  }

  public String hostVethAddress() {
    return "10.251." + index + ".1";
  }

  public String nodeVeth() {
    return "dpfn" + index;
  }

  /** The node's InternalIP, inside its network namespace. */
  public String nodeAddress() {
    return "10.251." + index + ".2";
  }

  public String podCidr() {
    return "10.246." + index + ".0/24";
  }

  public String podGateway() {
    return "10.246." + index + ".1";
  }

  /** The CNI bridge inside the node's namespace. */
  public String cniBridge() {
    return "dpfc" + index;
  }

  /** The cgroup (in every hierarchy) below which the node's runtime, kubelet and pods run. */
  public String cgroupRoot() {
    return "/dpf-node-" + index;
  }
}
