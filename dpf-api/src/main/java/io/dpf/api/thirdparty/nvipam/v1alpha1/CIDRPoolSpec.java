package io.dpf.api.thirdparty.nvipam.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;
import io.fabric8.kubernetes.api.model.NodeSelector;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class CIDRPoolSpec extends OpenObject {
  @JsonProperty("cidr")
  private String cidr;
  @JsonProperty("gatewayIndex")
  private Integer gatewayIndex;
  @JsonProperty("perNodeNetworkPrefix")
  private Integer perNodeNetworkPrefix;
  @JsonProperty("exclusions")
  private List<ExcludeRange> exclusions;
  @JsonProperty("staticAllocations")
  private List<CIDRPoolAllocation> staticAllocations;
  @JsonProperty("nodeSelector")
  private NodeSelector nodeSelector;
  @JsonProperty("defaultGateway")
  private Boolean defaultGateway;
  @JsonProperty("routes")
  private List<PoolRoute> routes;

  public String getCidr() {
    return cidr;
  }

  public void setCidr(String cidr) {
    this.cidr = cidr;
  }

  public Integer getGatewayIndex() {
    return gatewayIndex;
  }

  public void setGatewayIndex(Integer gatewayIndex) {
    this.gatewayIndex = gatewayIndex;
  }

  public Integer getPerNodeNetworkPrefix() {
    return perNodeNetworkPrefix;
  }

  public void setPerNodeNetworkPrefix(Integer perNodeNetworkPrefix) {
    this.perNodeNetworkPrefix = perNodeNetworkPrefix;
  }

  public List<ExcludeRange> getExclusions() {
    return exclusions;
  }

  public void setExclusions(List<ExcludeRange> exclusions) {
    this.exclusions = exclusions;
  }

  public List<CIDRPoolAllocation> getStaticAllocations() {
    return staticAllocations;
  }

  public void setStaticAllocations(List<CIDRPoolAllocation> staticAllocations) {
    this.staticAllocations = staticAllocations;
  }

  public NodeSelector getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(NodeSelector nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public Boolean getDefaultGateway() {
    return defaultGateway;
  }

  public void setDefaultGateway(Boolean defaultGateway) {
    this.defaultGateway = defaultGateway;
  }

  public List<PoolRoute> getRoutes() {
    return routes;
  }

  public void setRoutes(List<PoolRoute> routes) {
    this.routes = routes;
  }
}
