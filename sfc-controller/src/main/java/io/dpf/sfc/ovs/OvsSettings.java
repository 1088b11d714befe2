package io.dpf.sfc.ovs;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where this node's Open vSwitch is and how its ports are made.
 *
 * @param runDirectory the daemons' run directory: {@code db.sock}, {@code <bridge>.mgmt}, {@code ovs-vswitchd.pid}
 * @param binDirectory where ovs-vsctl and ovs-ofctl are (the host's, mounted: they match its daemons)
 * @param interfaceType OVS interface type of physical, PF and VF ports: {@code dpdk} on a BlueField,
 *     {@code system} for kernel netdevs (tests)
 * @param timeout how long one OVS command may wait for the daemons
 * @param hostRoot where the host's root is mounted (in a pod), or null on the host itself: the tools
 *     then run chrooted there, so the host's own ovs-vsctl and ovs-ofctl run with the host's
 *     libraries, matching its daemons; the other paths are the host's
 */
public record OvsSettings(Path runDirectory, Path binDirectory, String interfaceType, Duration timeout, Path hostRoot) {

  public static final Path DEFAULT_RUN_DIRECTORY = Path.of("/var/run/openvswitch");
  public static final Path DEFAULT_BIN_DIRECTORY = Path.of("/usr/bin");
  public static final String DEFAULT_INTERFACE_TYPE = "dpdk";

  public static OvsSettings defaults() {
    return new OvsSettings(DEFAULT_RUN_DIRECTORY, DEFAULT_BIN_DIRECTORY, DEFAULT_INTERFACE_TYPE, Duration.ofSeconds(5),
        null);
  }

  public OvsSettings withRunDirectory(Path directory) {
    return new OvsSettings(directory, binDirectory, interfaceType, timeout, hostRoot);
  }

  public OvsSettings withBinDirectory(Path directory) {
    return new OvsSettings(runDirectory, directory, interfaceType, timeout, hostRoot);
  }

  public OvsSettings withInterfaceType(String type) {
    return new OvsSettings(runDirectory, binDirectory, type, timeout, hostRoot);
  }

  public OvsSettings withHostRoot(Path root) {
    return new OvsSettings(runDirectory, binDirectory, interfaceType, timeout, root);
  }

  /** {@code unix:<run dir>/db.sock}. */
  public String database() {
    return "unix:" + runDirectory.resolve("db.sock");
  }

  /** The pidfile as this process sees it (under the host root when there is one). */
  public Path vswitchdPidFile() {
    Path pidFile = runDirectory.resolve("ovs-vswitchd.pid");
    return hostRoot == null ? pidFile : hostRoot.resolve(Path.of("/").relativize(pidFile.toAbsolutePath()));
  }
}
