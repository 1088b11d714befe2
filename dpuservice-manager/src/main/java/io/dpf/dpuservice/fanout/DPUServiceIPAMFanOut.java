package io.dpf.dpuservice.fanout;

import io.dpf.api.Finalizers;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.svc.v1alpha1.DPUServiceIPAM;
import io.dpf.api.svc.v1alpha1.DPUServiceIPAMStatus;
import io.dpf.api.svc.v1alpha1.IPV4Network;
import io.dpf.api.svc.v1alpha1.IPV4Subnet;
import io.dpf.api.svc.v1alpha1.Route;
import io.dpf.api.thirdparty.nvipam.v1alpha1.CIDRPool;
import io.dpf.api.thirdparty.nvipam.v1alpha1.CIDRPoolAllocation;
import io.dpf.api.thirdparty.nvipam.v1alpha1.CIDRPoolSpec;
import io.dpf.api.thirdparty.nvipam.v1alpha1.ExcludeRange;
import io.dpf.api.thirdparty.nvipam.v1alpha1.IPPool;
import io.dpf.api.thirdparty.nvipam.v1alpha1.IPPoolSpec;
import io.dpf.api.thirdparty.nvipam.v1alpha1.PoolRoute;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * DPUServiceIPAM → an NVIPAM CIDRPool (ipv4Network) or IPPool (ipv4Subnet) of the same name in
 * every selected DPU cluster. One mode only and no switching are CEL rules of the API; addresses
 * outside the network are refused here with a Failure condition. A pool is ready once it exists:
 * NVIPAM reports allocations, not readiness.
 */
public final class DPUServiceIPAMFanOut implements FanOutKind<DPUServiceIPAM> {

  public static final String NAME_LABEL = "dpu.nvidia.com/dpuserviceipam-name";
  public static final String NAMESPACE_LABEL = "dpu.nvidia.com/dpuserviceipam-namespace";

  @Override
  public Class<DPUServiceIPAM> parentType() {
    return DPUServiceIPAM.class;
  }

  @Override
  public String finalizer() {
    return Finalizers.DPU_SERVICE_IPAM;
  }

  @Override
  public List<String> conditionTypes() {
    return ConditionTypes.DPUServiceIPAM.ALL;
  }

  @Override
  public String reconciledCondition() {
    return ConditionTypes.DPUServiceIPAM.DPU_IPAM_OBJECT_RECONCILED;
  }

  @Override
  public String readyCondition() {
    return ConditionTypes.DPUServiceIPAM.DPU_IPAM_OBJECT_READY;
  }

  @Override
  public String parentNameLabel() {
    return NAME_LABEL;
  }

  @Override
  public String parentNamespaceLabel() {
    return NAMESPACE_LABEL;
  }

  @Override
  public LabelSelector clusterSelector(DPUServiceIPAM parent) {
    return parent.getSpec().getClusterSelector();
  }

  @Override
  public List<Class<? extends HasMetadata>> childKinds() {
    return List.of(CIDRPool.class, IPPool.class);
  }

  @Override
  public List<HasMetadata> desiredChildren(DPUServiceIPAM parent) {
    if (parent.getSpec().getIpv4Network() != null) {
      return List.of(cidrPool(parent));
    }
    return parent.getSpec().getIpv4Subnet() != null ? List.of(ipPool(parent)) : List.of();
  }

  @Override
  public Optional<String> notReady(HasMetadata liveChild) {
    return Optional.empty();
  }

  @Override
  public ConditionedStatus newStatus() {
    return new DPUServiceIPAMStatus();
  }

  @Override
  public Optional<String> invalid(DPUServiceIPAM parent) {
    try {
      IPV4Network network = parent.getSpec().getIpv4Network();
      if (network != null) {
        Ipv4.Cidr cidr = Ipv4.cidr(network.getNetwork());
        if (network.getPrefixSize() != null && network.getPrefixSize() < cidr.prefix()) {
          return Optional.of("prefixSize " + network.getPrefixSize() + " is larger than the network " + network.getNetwork());
        }
        for (String exclusion : orEmpty(network.getExclusions())) {
          if (!cidr.contains(Ipv4.address(exclusion))) {
            return Optional.of("exclusion " + exclusion + " is outside the network " + network.getNetwork());
          }
        }
        for (Map.Entry<String, String> allocation : orEmpty(network.getAllocations()).entrySet()) {
          if (!cidr.contains(Ipv4.cidr(allocation.getValue()))) {
            return Optional.of("allocation " + allocation.getValue() + " of node " + allocation.getKey()
                + " is outside the network " + network.getNetwork());
          }
        }
      }
      IPV4Subnet subnet = parent.getSpec().getIpv4Subnet();
      if (subnet != null && subnet.getGateway() != null
          && !Ipv4.cidr(subnet.getSubnet()).contains(Ipv4.address(subnet.getGateway()))) {
        return Optional.of("gateway " + subnet.getGateway() + " is outside the subnet " + subnet.getSubnet());
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  static CIDRPool cidrPool(DPUServiceIPAM parent) {
    IPV4Network network = parent.getSpec().getIpv4Network();
    CIDRPool pool = new CIDRPool();
    pool.setMetadata(ChildMetadata.of(parent, parent.getSpec().getMetadata(), NAME_LABEL, NAMESPACE_LABEL));
    CIDRPoolSpec spec = new CIDRPoolSpec();
    spec.setCidr(network.getNetwork());
    spec.setPerNodeNetworkPrefix(network.getPrefixSize());
    spec.setGatewayIndex(network.getGatewayIndex());
    spec.setExclusions(orEmpty(network.getExclusions()).isEmpty() ? null : network.getExclusions().stream()
        .map(ip -> {
          ExcludeRange range = new ExcludeRange();
          range.setStartIP(ip);
          range.setEndIP(ip);
          return range;
        }).toList());
    // Sorted by node: a map's order must not make the applied list differ from one reconcile to the next.
    List<CIDRPoolAllocation> allocations = new ArrayList<>();
    new TreeMap<>(orEmpty(network.getAllocations())).forEach((node, prefix) -> {
      CIDRPoolAllocation allocation = new CIDRPoolAllocation();
      allocation.setNodeName(node);
      allocation.setPrefix(prefix);
      allocations.add(allocation);
    });
    spec.setStaticAllocations(allocations.isEmpty() ? null : allocations);
    spec.setDefaultGateway(network.getDefaultGateway());
    spec.setRoutes(routes(network.getRoutes()));
    spec.setNodeSelector(parent.getSpec().getNodeSelector());
    pool.setSpec(spec);
    return pool;
  }

  static IPPool ipPool(DPUServiceIPAM parent) {
    IPV4Subnet subnet = parent.getSpec().getIpv4Subnet();
    IPPool pool = new IPPool();
    pool.setMetadata(ChildMetadata.of(parent, parent.getSpec().getMetadata(), NAME_LABEL, NAMESPACE_LABEL));
    IPPoolSpec spec = new IPPoolSpec();
    spec.setSubnet(subnet.getSubnet());
    spec.setGateway(subnet.getGateway());
    spec.setPerNodeBlockSize(subnet.getPerNodeIPCount());
    spec.setDefaultGateway(subnet.getDefaultGateway());
    spec.setRoutes(routes(subnet.getRoutes()));
    spec.setNodeSelector(parent.getSpec().getNodeSelector());
    pool.setSpec(spec);
    return pool;
  }

  private static List<PoolRoute> routes(List<Route> routes) {
    if (routes == null || routes.isEmpty()) {
      return null;
    }
    return routes.stream().map(r -> {
      PoolRoute route = new PoolRoute();
      route.setDst(r.getDst());
      return route;
    }).toList();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
