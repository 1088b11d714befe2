package io.dpf.api.thirdparty.nvipam.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class IPPoolAllocation extends OpenObject {
  @JsonProperty("nodeName")
  private String nodeName;
  @JsonProperty("startIP")
  private String startIP;
  @JsonProperty("endIP")
  private String endIP;

  public String getNodeName() {
    return nodeName;
  }

  public void setNodeName(String nodeName) {
    this.nodeName = nodeName;
  }

  public String getStartIP() {
    return startIP;
  }

  public void setStartIP(String startIP) {
    this.startIP = startIP;
  }

  public String getEndIP() {
    return endIP;
  }

  public void setEndIP(String endIP) {
    this.endIP = endIP;
  }
}
