package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/** A network split into one prefix per node (NVIPAM CIDRPool). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IPV4Network {
  @Required
  @Pattern(ApiPatterns.IPV4_CIDR)
  @JsonProperty("network")
  private String network;
  /** Index of the gateway inside each node's prefix. */
  @Min(0)
  @JsonProperty("gatewayIndex")
  private Integer gatewayIndex;
  @Required
  @Min(1)
  @Max(32)
  @JsonProperty("prefixSize")
  private Integer prefixSize;
  /** Single addresses that are never handed out. */
  @JsonProperty("exclusions")
  private List<String> exclusions;
  /** Static node name to prefix assignments. */
  @JsonProperty("allocations")
  private Map<String, String> allocations;
  @JsonProperty("defaultGateway")
  private Boolean defaultGateway;
  @JsonProperty("routes")
  private List<Route> routes;

  public String getNetwork() {
    return network;
  }

  public void setNetwork(String network) {
    this.network = network;
  }

  public Integer getGatewayIndex() {
    return gatewayIndex;
  }

  public void setGatewayIndex(Integer gatewayIndex) {
    this.gatewayIndex = gatewayIndex;
  }

  public Integer getPrefixSize() {
    return prefixSize;
  }

  public void setPrefixSize(Integer prefixSize) {
    this.prefixSize = prefixSize;
  }

  public List<String> getExclusions() {
    return exclusions;
  }

  public void setExclusions(List<String> exclusions) {
    this.exclusions = exclusions;
  }

  public Map<String, String> getAllocations() {
    return allocations;
  }

  public void setAllocations(Map<String, String> allocations) {
    this.allocations = allocations;
  }

  public Boolean getDefaultGateway() {
    return defaultGateway;
  }

  public void setDefaultGateway(Boolean defaultGateway) {
    this.defaultGateway = defaultGateway;
  }

  public List<Route> getRoutes() {
    return routes;
  }

  public void setRoutes(List<Route> routes) {
    this.routes = routes;
  }
}
