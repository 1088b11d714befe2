package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Route {
  @Required
  @Pattern(ApiPatterns.IPV4_CIDR)
  @JsonProperty("dst")
  private String dst;

  public String getDst() {
    return dst;
  }

  public void setDst(String dst) {
    this.dst = dst;
  }
}
