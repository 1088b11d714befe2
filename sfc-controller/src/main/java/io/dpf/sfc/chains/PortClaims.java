package io.dpf.sfc.chains;

import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.sfc.ovs.InstalledFlow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which chain's flows a port already carries. Two chains cannot both flood from one port (the
 * second's flow would take the first's place under its own cookie, and both would rewrite it for
 * ever): the chain that has the port keeps it, and the other is told who has it.
 */
final class PortClaims {

  private final Map<Integer, Long> claimedBy;
  private final Map<Long, String> chainNames;

  private PortClaims(Map<Integer, Long> claimedBy, Map<Long, String> chainNames) {
    this.claimedBy = claimedBy;
    this.chainNames = chainNames;
  }

  /**
   * Ports carrying the flows of other chains that still exist. Flows of a cookie no chain has are
   * leftovers (the sweep removes them) and claim nothing: adding ours over them replaces them.
   */
  static PortClaims of(List<InstalledFlow> installed, long cookie, List<ServiceChain> chains) {
    Map<Long, String> names = new HashMap<>();
    for (ServiceChain chain : chains) {
      names.put(ChainCookie.of(chain.getMetadata().getNamespace(), chain.getMetadata().getName()),
          chain.getMetadata().getNamespace() + "/" + chain.getMetadata().getName());
    }
    Map<Integer, Long> claimedBy = new HashMap<>();
    for (InstalledFlow flow : installed) {
      if (flow.cookie() != cookie && names.containsKey(flow.cookie())) {
        ChainFlows.parse(flow).ifPresent(f -> claimedBy.put(f.inPort(), flow.cookie()));
      }
    }
    return new PortClaims(claimedBy, names);
  }

  /** The switches' ofports without ports another chain has; each of those adds a problem. */
  List<List<Integer>> withoutClaimed(ChainPorts.Resolution resolution, List<String> problems) {
    List<List<Integer>> switches = new ArrayList<>();
    for (List<ChainPorts.Resolved> ports : resolution.switches()) {
      List<Integer> free = new ArrayList<>();
      for (ChainPorts.Resolved port : ports) {
        Long other = claimedBy.get(port.ofport());
        if (other == null) {
          free.add(port.ofport());
        } else {
          problems.add("port " + port.portName() + " of ServiceInterface " + port.serviceInterface()
              + " already carries the flows of ServiceChain "
              + chainNames.get(other)
              + "; a port can be in one chain only");
        }
      }
      switches.add(free);
    }
    return switches;
  }
}
