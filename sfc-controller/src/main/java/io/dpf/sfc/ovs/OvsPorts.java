package io.dpf.sfc.ovs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Port changes through ovs-vsctl; each call is one OVSDB transaction that ovs-vswitchd has applied when it returns. */
public final class OvsPorts {

  private final OvsTools tools;

  public OvsPorts(OvsTools tools) {
    this.tools = tools;
  }

  public OvsSnapshot snapshot() {
    return OvsSnapshot.read(tools);
  }

  /**
   * Creates the port (or leaves it, when it exists on this bridge) and sets its interface type,
   * options and external ids and the port's external ids; keys not named are left as they are.
   */
  public void ensure(String bridge, String port, String interfaceType, Map<String, String> options,
      Map<String, String> interfaceIds, Map<String, String> portIds) {
    List<String> args = new ArrayList<>(List.of("--may-exist", "add-port", bridge, port,
        "--", "set", "Interface", port, "type=" + interfaceType));
    options.forEach((key, value) -> args.add("options:" + key + "=" + quote(value)));
    interfaceIds.forEach((key, value) -> args.add("external_ids:" + key + "=" + quote(value)));
    if (!portIds.isEmpty()) {
      args.addAll(List.of("--", "set", "Port", port));
      portIds.forEach((key, value) -> args.add("external_ids:" + key + "=" + quote(value)));
    }
    tools.vsctl(args);
  }

  /** Sets external ids on an interface we did not create (adopted: it stays when we are done with it). */
  public void setInterfaceIds(String iface, Map<String, String> ids) {
    List<String> args = new ArrayList<>(List.of("set", "Interface", iface));
    ids.forEach((key, value) -> args.add("external_ids:" + key + "=" + quote(value)));
    tools.vsctl(args);
  }

  public void removeInterfaceId(String iface, String key) {
    tools.vsctl(List.of("--if-exists", "remove", "Interface", iface, "external_ids", key));
  }

  public void delete(String port) {
    tools.vsctl(List.of("--if-exists", "del-port", port));
  }

  /** ovs-vsctl parses values; "ns/name" must be a quoted string to stay one. */
  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
