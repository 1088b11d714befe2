package io.dpf.sfc.interfaces;

import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSpec;
import java.util.List;
import java.util.Map;

/**
 * What Open vSwitch should have for a ServiceInterface, as DPF names it: a pure function of the
 * object (and the node's interface type), unit-tested without a switch.
 *
 * <ul>
 *   <li>physical: a port named {@code interfaceName};
 *   <li>pf: {@code pf<pfID>hpf}; vf: {@code pf<pfID>vf<vfID>};
 *   <li>ovn: a patch pair, {@code puplinkbrovn} on br-ovn and {@code puplinkbrsfc} on br-sfc;
 *   <li>service: nothing: ovs-cni adds the pod's port when the pod starts;
 *   <li>vlan: not programmed (out of scope in DPF v25.1 as well): said in the condition.
 * </ul>
 */
public sealed interface PortPlan {

  String SFC_BRIDGE = "br-sfc";
  String OVN_BRIDGE = "br-ovn";
  String OVN_PATCH_ON_OVN = "puplinkbrovn";
  String OVN_PATCH_ON_SFC = "puplinkbrsfc";

  /** Ports to have, in the order they are made. */
  record Ports(List<DesiredPort> ports) implements PortPlan {
  }

  /** Nothing for this controller to create; {@code why} tells the reader who does. */
  record NothingToCreate(String why) implements PortPlan {
  }

  /** A type this controller does not program. */
  record Unsupported(String message) implements PortPlan {
  }

  static PortPlan of(ServiceInterface serviceInterface, String interfaceType) {
    ServiceInterfaceSpec spec = serviceInterface.getSpec();
    String dpfId = dpfId(serviceInterface);
    String type = spec.getInterfaceType().value();
    return switch (spec.getInterfaceType()) {
      case PHYSICAL -> one(spec.getPhysical().getInterfaceName(), interfaceType, dpfId, type);
      case PF -> one("pf" + spec.getPf().getPfID() + "hpf", interfaceType, dpfId, type);
      case VF -> one("pf" + spec.getVf().getPfID() + "vf" + spec.getVf().getVfID(), interfaceType, dpfId, type);
      case OVN -> new Ports(List.of(
          new DesiredPort(OVN_BRIDGE, OVN_PATCH_ON_OVN, "patch", Map.of("peer", OVN_PATCH_ON_SFC), null, type),
          new DesiredPort(SFC_BRIDGE, OVN_PATCH_ON_SFC, "patch", Map.of("peer", OVN_PATCH_ON_OVN), dpfId, type)));
      case SERVICE -> new NothingToCreate("the CNI adds the port of a service interface when its pod starts");
      case VLAN -> new Unsupported("interfaceType vlan is not programmed by the sfc-controller");
    };
  }

  /** {@code <namespace>/<name>}: what DPF writes into {@code external_ids:dpf-id}. */
  static String dpfId(ServiceInterface serviceInterface) {
    return serviceInterface.getMetadata().getNamespace() + "/" + serviceInterface.getMetadata().getName();
  }

  private static Ports one(String name, String interfaceType, String dpfId, String dpfType) {
    return new Ports(List.of(new DesiredPort(SFC_BRIDGE, name, interfaceType, Map.of(), dpfId, dpfType)));
  }
}
