package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class OVS {
  /** Script run on the DPU to configure Open vSwitch. */
  @Required
  @JsonProperty("rawConfigScript")
  private String rawConfigScript;

  public String getRawConfigScript() {
    return rawConfigScript;
  }

  public void setRawConfigScript(String rawConfigScript) {
    this.rawConfigScript = rawConfigScript;
  }
}
