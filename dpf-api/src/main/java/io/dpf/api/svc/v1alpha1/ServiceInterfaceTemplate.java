package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceInterfaceTemplate {
  @Required
  @JsonProperty("name")
  private String name;
  /** NetworkAttachmentDefinition the interface is attached with. */
  @Required
  @JsonProperty("network")
  private String network;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNetwork() {
    return network;
  }

  public void setNetwork(String network) {
    this.network = network;
  }
}
