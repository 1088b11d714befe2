package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PF {
  @Required
  @Min(0)
  @JsonProperty("pfID")
  private Integer pfID;

  public Integer getPfID() {
    return pfID;
  }

  public void setPfID(Integer pfID) {
    this.pfID = pfID;
  }
}
