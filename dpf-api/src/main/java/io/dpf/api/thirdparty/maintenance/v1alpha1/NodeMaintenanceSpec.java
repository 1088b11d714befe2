package io.dpf.api.thirdparty.maintenance.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeMaintenanceSpec extends OpenObject {
  @JsonProperty("requestorID")
  private String requestorID;
  @JsonProperty("additionalRequestors")
  private List<String> additionalRequestors;
  @JsonProperty("nodeName")
  private String nodeName;
  @JsonProperty("cordon")
  private Boolean cordon;
  @JsonProperty("drainSpec")
  private DrainSpec drainSpec;

  public String getRequestorID() {
    return requestorID;
  }

  public void setRequestorID(String requestorID) {
    this.requestorID = requestorID;
  }

  public List<String> getAdditionalRequestors() {
    return additionalRequestors;
  }

  public void setAdditionalRequestors(List<String> additionalRequestors) {
    this.additionalRequestors = additionalRequestors;
  }

  public String getNodeName() {
    return nodeName;
  }

  public void setNodeName(String nodeName) {
    this.nodeName = nodeName;
  }

  public Boolean getCordon() {
    return cordon;
  }

  public void setCordon(Boolean cordon) {
    this.cordon = cordon;
  }

  public DrainSpec getDrainSpec() {
    return drainSpec;
  }

  public void setDrainSpec(DrainSpec drainSpec) {
    this.drainSpec = drainSpec;
  }
}
