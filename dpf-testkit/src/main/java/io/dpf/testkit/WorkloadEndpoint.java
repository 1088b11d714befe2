package io.dpf.testkit;

import java.util.Map;

/**
 * One end of a cable plugged into a switch: interface {@code eth0} with an address, alone in a
 * network namespace of its own (a pod, a host behind a PF); its peer is a port of the switch.
 */
public record WorkloadEndpoint(String namespace, String interfaceName, String address) {

  /** True when one ICMP echo to {@code ip} is answered within a second. */
  public boolean ping(String ip) {
    return Shell.attempt(NetworkNamespaces.exec(namespace, "ping", "-c", "1", "-W", "1", "-n", "-q", ip),
        Map.of()).succeeded();
  }

  /** The MAC address of {@code eth0}. */
  public String mac() {
    String out = Shell.run(NetworkNamespaces.exec(namespace, "cat", "/sys/class/net/" + interfaceName + "/address"));
    return out.strip();
  }
}
