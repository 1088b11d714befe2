package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TcpKubeconfigs extends OpenObject {
  @JsonProperty("admin")
  private TcpKubeconfig admin;

  public TcpKubeconfig getAdmin() {
    return admin;
  }

  public void setAdmin(TcpKubeconfig admin) {
    this.admin = admin;
  }
}
