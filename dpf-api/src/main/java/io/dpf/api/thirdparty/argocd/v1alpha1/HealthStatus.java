package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class HealthStatus extends OpenObject {
  /** Healthy, Progressing, Degraded, Suspended, Missing or Unknown. */
  @JsonProperty("status")
  private String status;
  @JsonProperty("message")
  private String message;

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
