package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Pattern;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class NVConfig {
  @Pattern("^\\*$")
  @JsonProperty("device")
  private String device;
  /** mlxconfig parameters such as PF_TOTAL_SF=20. */
  @JsonProperty("parameters")
  private List<String> parameters;
  @JsonProperty("hostPowerCycleRequired")
  private Boolean hostPowerCycleRequired;

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }

  public List<String> getParameters() {
    return parameters;
  }

  public void setParameters(List<String> parameters) {
    this.parameters = parameters;
  }

  public Boolean getHostPowerCycleRequired() {
    return hostPowerCycleRequired;
  }

  public void setHostPowerCycleRequired(Boolean hostPowerCycleRequired) {
    this.hostPowerCycleRequired = hostPowerCycleRequired;
  }
}
