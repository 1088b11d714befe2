package io.dpf.sfc.node;

import io.dpf.api.svc.v1alpha1.InterfaceType;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.sfc.chains.ChainCookie;
import io.dpf.sfc.interfaces.PortPlan;
import io.dpf.sfc.ovs.InstalledFlow;
import io.dpf.sfc.ovs.OpenFlowTable;
import io.dpf.sfc.ovs.OvsInterface;
import io.dpf.sfc.ovs.OvsPort;
import io.dpf.sfc.ovs.OvsPorts;
import io.dpf.sfc.ovs.OvsSnapshot;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what no object asks for any more, as DPF's stale-flow cleaner does: flows whose cookie is
 * no chain of this node's, and ports we created for ServiceInterfaces that are gone (a chain or
 * interface deleted while this controller was down, or whose finalizer was taken off because its
 * node went). The switch is read first and the API after, fresh rather than from a cache: whatever
 * the switch had was made for an object that existed then, so an object missing afterwards is gone.
 */
final class StaleSweep {

  private static final Logger LOG = LoggerFactory.getLogger(StaleSweep.class);

  private final KubernetesClient client;
  private final Predicate<String> isMine;
  private final OvsPorts ovs;
  private final OpenFlowTable table;

  StaleSweep(KubernetesClient client, Predicate<String> isMine, OvsPorts ovs, OpenFlowTable table) {
    this.client = client;
    this.isMine = isMine;
    this.ovs = ovs;
    this.table = table;
  }

  void run() {
    List<InstalledFlow> flows = table.dump();
    OvsSnapshot snapshot = ovs.snapshot();
    Set<Long> liveCookies = client.resources(ServiceChain.class).inAnyNamespace().list().getItems().stream()
        .filter(chain -> isMine.test(chain.getSpec().getNode()))
        .map(chain -> ChainCookie.of(chain.getMetadata().getNamespace(), chain.getMetadata().getName()))
        .collect(Collectors.toSet());
    List<ServiceInterface> liveInterfaces = client.resources(ServiceInterface.class).inAnyNamespace().list().getItems()
        .stream().filter(si -> isMine.test(si.getSpec().getNode())).toList();
    Set<Long> staleCookies = new HashSet<>();
    flows.stream().map(InstalledFlow::cookie).filter(c -> c != 0 && !liveCookies.contains(c)).forEach(staleCookies::add);
    for (long cookie : staleCookies) {
      LOG.info("removing flows of cookie {}: no ServiceChain on this node has it", ChainCookie.hex(cookie));
      table.delete(cookie);
    }
    Set<String> liveIds = liveInterfaces.stream().map(si -> si.getMetadata().getNamespace() + "/" + si.getMetadata().getName())
        .collect(Collectors.toSet());
    boolean ovnWanted = liveInterfaces.stream().anyMatch(si -> si.getSpec().getInterfaceType() == InterfaceType.OVN);
    for (String bridge : List.of(PortPlan.SFC_BRIDGE, PortPlan.OVN_BRIDGE)) {
      for (OvsPort port : snapshot.ports(bridge)) {
        if (port.createdBySfcController() && !wanted(port, liveIds, ovnWanted)) {
          LOG.info("removing port {} from {}: no ServiceInterface on this node asks for it", port.name(), bridge);
          ovs.delete(port.name());
        }
      }
    }
  }

  private static boolean wanted(OvsPort port, Set<String> liveIds, boolean ovnWanted) {
    if (port.name().equals(PortPlan.OVN_PATCH_ON_OVN)) {
      return ovnWanted; // the far half of the patch pair carries no dpf-id
    }
    return port.interfaces().stream().map(OvsInterface::dpfId).filter(Objects::nonNull).anyMatch(liveIds::contains);
  }
}
