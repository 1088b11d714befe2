package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TcpNetworkProfile extends OpenObject {
  @JsonProperty("address")
  private String address;
  @JsonProperty("port")
  private Integer port;

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }
}
