package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A set of ports that are wired together (flooding until MAC addresses are learnt). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Switch {
  @Required
  @Size(min = 1, max = 50)
  @JsonProperty("ports")
  private List<Port> ports;

  public List<Port> getPorts() {
    return ports;
  }

  public void setPorts(List<Port> ports) {
    this.ports = ports;
  }
}
