package io.dpf.api.thirdparty.maintenance.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DrainSpec extends OpenObject {
  @JsonProperty("force")
  private Boolean force;
  @JsonProperty("podSelector")
  private String podSelector;
  @JsonProperty("timeoutSeconds")
  private Integer timeoutSeconds;
  @JsonProperty("deleteEmptyDir")
  private Boolean deleteEmptyDir;

  public Boolean getForce() {
    return force;
  }

  public void setForce(Boolean force) {
    this.force = force;
  }

  public String getPodSelector() {
    return podSelector;
  }

  public void setPodSelector(String podSelector) {
    this.podSelector = podSelector;
  }

  public Integer getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public void setTimeoutSeconds(Integer timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Boolean getDeleteEmptyDir() {
    return deleteEmptyDir;
  }

  public void setDeleteEmptyDir(Boolean deleteEmptyDir) {
    this.deleteEmptyDir = deleteEmptyDir;
  }
}
