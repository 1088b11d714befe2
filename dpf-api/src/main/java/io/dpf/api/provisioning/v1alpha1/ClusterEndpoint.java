package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterEndpoint {
  @JsonProperty("keepalived")
  private Keepalived keepalived;

  public Keepalived getKeepalived() {
    return keepalived;
  }

  public void setKeepalived(Keepalived keepalived) {
    this.keepalived = keepalived;
  }
}
