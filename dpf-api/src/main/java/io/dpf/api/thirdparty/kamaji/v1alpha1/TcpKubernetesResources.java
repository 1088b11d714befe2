package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TcpKubernetesResources extends OpenObject {
  @JsonProperty("version")
  private TcpVersionStatus version;

  public TcpVersionStatus getVersion() {
    return version;
  }

  public void setVersion(TcpVersionStatus version) {
    this.version = version;
  }
}
