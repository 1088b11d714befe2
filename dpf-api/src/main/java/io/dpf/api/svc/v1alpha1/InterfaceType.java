package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kind of a ServiceInterface; names the sub-object that must be set. */
public enum InterfaceType {
  @JsonProperty("vlan")
  VLAN("vlan"),
  @JsonProperty("physical")
  PHYSICAL("physical"),
  @JsonProperty("pf")
  PF("pf"),
  @JsonProperty("vf")
  VF("vf"),
  @JsonProperty("ovn")
  OVN("ovn"),
  @JsonProperty("service")
  SERVICE("service");

  private final String value;

  InterfaceType(String value) {
    this.value = value;
  }

  /** The string stored in the API. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
