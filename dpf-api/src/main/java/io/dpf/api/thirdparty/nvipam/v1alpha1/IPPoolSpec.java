package io.dpf.api.thirdparty.nvipam.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;
import io.fabric8.kubernetes.api.model.NodeSelector;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class IPPoolSpec extends OpenObject {
  @JsonProperty("subnet")
  private String subnet;
  @JsonProperty("perNodeBlockSize")
  private Integer perNodeBlockSize;
  @JsonProperty("gateway")
  private String gateway;
  @JsonProperty("exclusions")
  private List<ExcludeRange> exclusions;
  @JsonProperty("nodeSelector")
  private NodeSelector nodeSelector;
  @JsonProperty("defaultGateway")
  private Boolean defaultGateway;
  @JsonProperty("routes")
  private List<PoolRoute> routes;

  public String getSubnet() {
    return subnet;
  }

  public void setSubnet(String subnet) {
    this.subnet = subnet;
  }

  public Integer getPerNodeBlockSize() {
    return perNodeBlockSize;
  }

  public void setPerNodeBlockSize(Integer perNodeBlockSize) {
    this.perNodeBlockSize = perNodeBlockSize;
  }

  public String getGateway() {
    return gateway;
  }

  public void setGateway(String gateway) {
    this.gateway = gateway;
  }

  public List<ExcludeRange> getExclusions() {
    return exclusions;
  }

  public void setExclusions(List<ExcludeRange> exclusions) {
    this.exclusions = exclusions;
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
