package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Which IP pool the port's address comes from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IPAM {
  @JsonProperty("matchLabels")
  private Map<String, String> matchLabels;
  @JsonProperty("defaultGateway")
  private Boolean defaultGateway;
  @JsonProperty("setDefaultRoute")
  private Boolean setDefaultRoute;

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels;
  }

  public Boolean getDefaultGateway() {
    return defaultGateway;
  }

  public void setDefaultGateway(Boolean defaultGateway) {
    this.defaultGateway = defaultGateway;
  }

  public Boolean getSetDefaultRoute() {
    return setDefaultRoute;
  }

  public void setSetDefaultRoute(Boolean setDefaultRoute) {
    this.setDefaultRoute = setDefaultRoute;
  }
}
