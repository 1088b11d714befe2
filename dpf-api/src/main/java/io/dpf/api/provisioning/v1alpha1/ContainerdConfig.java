package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContainerdConfig {
  /** Mirror used for nvcr.io. */
  @JsonProperty("registryEndpoint")
  private String registryEndpoint;

  public String getRegistryEndpoint() {
    return registryEndpoint;
  }

  public void setRegistryEndpoint(String registryEndpoint) {
    this.registryEndpoint = registryEndpoint;
  }
}
