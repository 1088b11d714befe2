package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** A subnet split into one block of addresses per node (NVIPAM IPPool). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IPV4Subnet {
  @Required
  @Pattern(ApiPatterns.IPV4_CIDR)
  @JsonProperty("subnet")
  private String subnet;
  @Required
  @Pattern(ApiPatterns.IPV4_ADDRESS)
  @JsonProperty("gateway")
  private String gateway;
  @Required
  @Min(1)
  @JsonProperty("perNodeIPCount")
  private Integer perNodeIPCount;
  @JsonProperty("defaultGateway")
  private Boolean defaultGateway;
  @JsonProperty("routes")
  private List<Route> routes;

  public String getSubnet() {
    return subnet;
  }

  public void setSubnet(String subnet) {
    this.subnet = subnet;
  }

  public String getGateway() {
    return gateway;
  }

  public void setGateway(String gateway) {
    this.gateway = gateway;
  }

  public Integer getPerNodeIPCount() {
    return perNodeIPCount;
  }

  public void setPerNodeIPCount(Integer perNodeIPCount) {
    this.perNodeIPCount = perNodeIPCount;
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
