package io.dpf.api.thirdparty.nvipam.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PoolRoute extends OpenObject {
  @JsonProperty("dst")
  private String dst;

  public String getDst() {
    return dst;
  }

  public void setDst(String dst) {
    this.dst = dst;
  }
}
