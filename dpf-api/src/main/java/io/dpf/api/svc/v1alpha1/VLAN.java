package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class VLAN {
  @Required
  @Min(1)
  @Max(4094)
  @JsonProperty("vlanID")
  private Integer vlanID;
  @Required
  @JsonProperty("parentInterfaceRef")
  private String parentInterfaceRef;

  public Integer getVlanID() {
    return vlanID;
  }

  public void setVlanID(Integer vlanID) {
    this.vlanID = vlanID;
  }

  public String getParentInterfaceRef() {
    return parentInterfaceRef;
  }

  public void setParentInterfaceRef(String parentInterfaceRef) {
    this.parentInterfaceRef = parentInterfaceRef;
  }
}
