package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TcpKubelet extends OpenObject {
  /** systemd or cgroupfs. */
  @JsonProperty("cgroupfs")
  private String cgroupfs;

  public String getCgroupfs() {
    return cgroupfs;
  }

  public void setCgroupfs(String cgroupfs) {
    this.cgroupfs = cgroupfs;
  }
}
