package io.dpf.sfc.interfaces;

import io.dpf.sfc.ovs.OvsInterface;
import io.dpf.sfc.ovs.OvsPort;
import io.dpf.sfc.ovs.OvsPorts;
import io.dpf.sfc.ovs.OvsSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings the switch's ports in line with a {@link PortPlan}, writing only what differs. A port
 * that already existed without our {@code dpf-type} mark (an uplink the DPU's OVS setup made) is
 * adopted: only its {@code dpf-id} is set, and only that is taken away again.
 */
final class InterfacePorts {

  private final OvsPorts ovs;
  private final String node;

  InterfacePorts(OvsPorts ovs, String node) {
    this.ovs = ovs;
    this.node = node;
  }

  /** Makes the ports; returns what keeps them from being usable (empty when all are). */
  List<String> ensure(List<DesiredPort> desired) {
    OvsSnapshot before = ovs.snapshot();
    List<String> problems = new ArrayList<>();
    boolean wrote = false;
    for (DesiredPort port : desired) {
      if (!before.hasBridge(port.bridge())) {
        problems.add("bridge " + port.bridge() + " does not exist on node " + node);
        continue;
      }
      Optional<OvsPort> existing = before.port(port.name());
      if (existing.isPresent() && !existing.get().bridge().equals(port.bridge())) {
        problems.add("port " + port.name() + " is on bridge " + existing.get().bridge() + ", not " + port.bridge());
        continue;
      }
      if (existing.isPresent() && !existing.get().createdBySfcController()) {
        if (port.dpfId() != null && !port.dpfId().equals(dpfIdOf(existing.get()))) {
          ovs.setInterfaceIds(port.name(), Map.of(OvsInterface.DPF_ID, port.dpfId()));
          wrote = true;
        }
      } else if (existing.isEmpty() || !matches(existing.get(), port)) {
        ovs.ensure(port.bridge(), port.name(), port.interfaceType(), port.options(), interfaceIds(port),
            Map.of(OvsPort.DPF_TYPE, port.dpfType()));
        wrote = true;
      }
    }
    OvsSnapshot after = wrote ? ovs.snapshot() : before;
    for (DesiredPort port : desired) {
      after.port(port.name()).filter(p -> p.bridge().equals(port.bridge()))
          .flatMap(p -> p.interfaces().stream().findFirst())
          .filter(iface -> !iface.usable())
          .ifPresent(iface -> problems.add("port " + port.name() + " on " + port.bridge() + " is not usable: "
              + (iface.error().isEmpty() ? "ovs-vswitchd gave it no OpenFlow port number" : iface.error())));
    }
    return problems;
  }

  /** Deletes the ports we made and takes our dpf-id off those we adopted. */
  void release(PortPlan plan) {
    if (!(plan instanceof PortPlan.Ports wanted)) {
      return;
    }
    OvsSnapshot snapshot = ovs.snapshot();
    for (DesiredPort port : wanted.ports()) {
      Optional<OvsPort> existing = snapshot.port(port.name());
      if (existing.isEmpty()) {
        continue;
      }
      if (existing.get().createdBySfcController()) {
        ovs.delete(port.name());
      } else if (port.dpfId() != null && port.dpfId().equals(dpfIdOf(existing.get()))) {
        ovs.removeInterfaceId(port.name(), OvsInterface.DPF_ID);
      }
    }
  }

  private static boolean matches(OvsPort existing, DesiredPort port) {
    OvsInterface iface = existing.interfaces().isEmpty() ? null : existing.interfaces().get(0);
    return iface != null && iface.type().equals(port.interfaceType())
        && Objects.equals(iface.dpfId(), port.dpfId())
        && port.options().entrySet().stream().allMatch(e -> e.getValue().equals(iface.options().get(e.getKey())))
        && port.dpfType().equals(existing.externalIds().get(OvsPort.DPF_TYPE));
  }

  private static String dpfIdOf(OvsPort port) {
    return port.interfaces().stream().map(OvsInterface::dpfId).filter(Objects::nonNull).findFirst().orElse(null);
  }

  private static Map<String, String> interfaceIds(DesiredPort port) {
    Map<String, String> ids = new HashMap<>();
    if (port.dpfId() != null) {
      ids.put(OvsInterface.DPF_ID, port.dpfId());
    }
    return ids;
  }
}
