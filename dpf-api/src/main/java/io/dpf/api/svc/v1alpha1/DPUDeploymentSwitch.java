package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUDeploymentSwitch {
  @Required
  @Size(min = 1, max = 50)
  @JsonProperty("ports")
  private List<DPUDeploymentPort> ports;

  public List<DPUDeploymentPort> getPorts() {
    return ports;
  }

  public void setPorts(List<DPUDeploymentPort> ports) {
    this.ports = ports;
  }
}
