package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** A virtual IP in front of the control plane, held by keepalived on control-plane nodes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Keepalived {
  @Required
  @Pattern(ApiPatterns.IPV4_ADDRESS)
  @JsonProperty("vip")
  private String vip;
  @Required
  @Min(1)
  @Max(255)
  @JsonProperty("virtualRouterID")
  private Integer virtualRouterID;
  @Required
  @JsonProperty("interface")
  private String iface;
  @JsonProperty("nodeSelector")
  private Map<String, String> nodeSelector;

  public String getVip() {
    return vip;
  }

  public void setVip(String vip) {
    this.vip = vip;
  }

  public Integer getVirtualRouterID() {
    return virtualRouterID;
  }

  public void setVirtualRouterID(Integer virtualRouterID) {
    this.virtualRouterID = virtualRouterID;
  }

  public String getIface() {
    return iface;
  }

  public void setIface(String iface) {
    this.iface = iface;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }
}
