package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;

/** Drain the host node through a NodeMaintenance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Drain {
  @Default("true")
  @JsonProperty("automaticNodeReboot")
  private Boolean automaticNodeReboot;

  public Boolean getAutomaticNodeReboot() {
    return automaticNodeReboot;
  }

  public void setAutomaticNodeReboot(Boolean automaticNodeReboot) {
    this.automaticNodeReboot = automaticNodeReboot;
  }
}
