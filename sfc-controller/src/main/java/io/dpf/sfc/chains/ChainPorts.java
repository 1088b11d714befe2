package io.dpf.sfc.chains;

import io.dpf.api.LabelKeys;
import io.dpf.api.svc.v1alpha1.InterfaceType;
import io.dpf.api.svc.v1alpha1.Port;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.api.svc.v1alpha1.Switch;
import io.dpf.sfc.ovs.OvsInterface;
import io.dpf.sfc.ovs.OvsPort;
import io.dpf.sfc.ovs.OvsSnapshot;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds the OpenFlow port of every port of a chain, DPF's way: the ServiceInterface on this node
 * whose labels the port's {@code matchLabels} select, then the br-sfc interface whose
 * {@code external_ids:dpf-id} names it ({@code <ns>/<name>}; for a service interface
 * {@code <pod ns>/<pod>/<interfaceName>} of the service's pod here, as ovs-cni writes it), or, for
 * an interface that lives on another bridge (HBN), the patch port {@code p<interface>brsfc}.
 * A pure function of what was read; what cannot be found is a problem, not an exception, so the
 * rest of the chain still gets its flows.
 */
public final class ChainPorts {

  public static final String SFC_BRIDGE = "br-sfc";

  /** One resolved port of a switch. */
  public record Resolved(String serviceInterface, String portName, int ofport) {
  }

  /** Per switch the ports found, and a sentence per port that was not. */
  public record Resolution(List<List<Resolved>> switches, List<String> problems) {
    public List<List<Integer>> ofports() {
      return switches.stream().map(ports -> ports.stream().map(Resolved::ofport).toList()).toList();
    }
  }

  private ChainPorts() {}

  /**
   * @param interfaces the ServiceInterfaces of the chain's namespace on this node
   * @param pods the pods of the chain's namespace on this node that carry a service label
   */
  public static Resolution resolve(ServiceChain chain, String node, List<ServiceInterface> interfaces, List<Pod> pods,
      OvsSnapshot switchState) {
    List<List<Resolved>> switches = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    List<Switch> specSwitches = chain.getSpec().getSwitches();
    for (int s = 0; s < specSwitches.size(); s++) {
      List<Resolved> resolved = new ArrayList<>();
      List<Port> ports = specSwitches.get(s).getPorts();
      for (int p = 0; p < ports.size(); p++) {
        String where = "switch " + (s + 1) + " port " + (p + 1);
        Map<String, String> selector = ports.get(p).getServiceInterface().getMatchLabels();
        List<ServiceInterface> matching = interfaces.stream().filter(si -> selects(selector, si)).toList();
        if (matching.size() != 1) {
          problems.add(where + ": " + (matching.isEmpty() ? "no ServiceInterface" : matching.size()
              + " ServiceInterfaces (" + names(matching) + ")") + " on node " + node + " in namespace "
              + chain.getMetadata().getNamespace() + " match " + describe(selector)
              + (matching.isEmpty() ? "" : "; expected one"));
          continue;
        }
        ServiceInterface si = matching.get(0);
        String siName = si.getMetadata().getName();
        String earlier = seen.putIfAbsent(siName, where);
        if (earlier != null) {
          problems.add(where + ": ServiceInterface " + siName + " is already " + earlier + "; a port is in one switch once");
          continue;
        }
        Optional<String> dpfId = dpfId(si, node, pods, problems, where);
        dpfId.flatMap(id -> port(si, id, switchState, problems, where)).ifPresent(resolved::add);
      }
      switches.add(resolved);
    }
    return new Resolution(switches, problems);
  }

  private static Optional<String> dpfId(ServiceInterface si, String node, List<Pod> pods, List<String> problems,
      String where) {
    if (si.getSpec().getInterfaceType() != InterfaceType.SERVICE) {
      return Optional.of(si.getMetadata().getNamespace() + "/" + si.getMetadata().getName());
    }
    String serviceId = si.getSpec().getService().getServiceID();
    List<Pod> servicePods = pods.stream()
        .filter(pod -> serviceId.equals(pod.getMetadata().getLabels().get(LabelKeys.SERVICE_ID)))
        .filter(pod -> node.equals(pod.getSpec().getNodeName()) && pod.getMetadata().getDeletionTimestamp() == null)
        .toList();
    if (servicePods.size() != 1) {
      problems.add(where + ": ServiceInterface " + si.getMetadata().getName() + " is served by "
          + (servicePods.isEmpty() ? "no pod" : servicePods.size() + " pods") + " with "
          + LabelKeys.SERVICE_ID + "=" + serviceId + " on node " + node + "; expected one");
      return Optional.empty();
    }
    Pod pod = servicePods.get(0);
    return Optional.of(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + "/"
        + si.getSpec().getService().getInterfaceName());
  }

  private static Optional<Resolved> port(ServiceInterface si, String dpfId, OvsSnapshot switchState,
      List<String> problems, String where) {
    String siName = si.getMetadata().getName();
    List<OvsPort> carriers = switchState.portsWithDpfId(dpfId);
    Optional<OvsPort> onSfc = carriers.stream().filter(p -> p.bridge().equals(SFC_BRIDGE)).findFirst();
    if (onSfc.isEmpty() && !carriers.isEmpty()) {
      // Interfaces attached to HBN reach br-sfc through a patch port named after them.
      String iface = carriers.get(0).interfaces().stream().filter(i -> dpfId.equals(i.dpfId())).findFirst()
          .map(OvsInterface::name).orElse(carriers.get(0).name());
      String patch = "p" + iface + "brsfc";
      onSfc = switchState.port(patch).filter(p -> p.bridge().equals(SFC_BRIDGE));
    }
    if (onSfc.isEmpty() || onSfc.get().interfaces().isEmpty()) {
      problems.add(where + ": ServiceInterface " + siName + " has no port on " + SFC_BRIDGE
          + " yet (no interface with external_ids:dpf-id=" + dpfId + ")");
      return Optional.empty();
    }
    OvsInterface iface = onSfc.get().interfaces().get(0);
    if (!iface.usable()) {
      problems.add(where + ": port " + iface.name() + " of ServiceInterface " + siName + " is not usable"
          + (iface.error().isEmpty() ? "" : ": " + iface.error()));
      return Optional.empty();
    }
    return Optional.of(new Resolved(siName, iface.name(), (int) iface.ofport()));
  }

  private static boolean selects(Map<String, String> selector, ServiceInterface si) {
    Map<String, String> labels = si.getMetadata().getLabels() == null ? Map.of() : si.getMetadata().getLabels();
    return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static String names(List<ServiceInterface> interfaces) {
    return interfaces.stream().map(si -> si.getMetadata().getName()).sorted().collect(Collectors.joining(", "));
  }

  private static String describe(Map<String, String> selector) {
    return selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
        .collect(Collectors.joining(",", "{", "}"));
  }
}
