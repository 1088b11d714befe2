package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class VF {
  @Required
  @Min(0)
  @JsonProperty("vfID")
  private Integer vfID;
  @Required
  @Min(0)
  @JsonProperty("pfID")
  private Integer pfID;
  @JsonProperty("parentInterfaceRef")
  private String parentInterfaceRef;

  public Integer getVfID() {
    return vfID;
  }

  public void setVfID(Integer vfID) {
    this.vfID = vfID;
  }

  public Integer getPfID() {
    return pfID;
  }

  public void setPfID(Integer pfID) {
    this.pfID = pfID;
  }

  public String getParentInterfaceRef() {
    return parentInterfaceRef;
  }

  public void setParentInterfaceRef(String parentInterfaceRef) {
    this.parentInterfaceRef = parentInterfaceRef;
  }
}
