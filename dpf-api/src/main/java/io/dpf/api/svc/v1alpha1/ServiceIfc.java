package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** Selects the ServiceInterface of a port by its labels. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceIfc {
  @Required
  @Size(min = 1, max = 50)
  @JsonProperty("matchLabels")
  private Map<String, String> matchLabels;
  @JsonProperty("ipam")
  private IPAM ipam;

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels;
  }

  public IPAM getIpam() {
    return ipam;
  }

  public void setIpam(IPAM ipam) {
    this.ipam = ipam;
  }
}
