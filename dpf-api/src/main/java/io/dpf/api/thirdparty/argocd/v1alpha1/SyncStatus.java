package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SyncStatus extends OpenObject {
  /** Synced, OutOfSync or Unknown. */
  @JsonProperty("status")
  private String status;
  @JsonProperty("revision")
  private String revision;

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getRevision() {
    return revision;
  }

  public void setRevision(String revision) {
    this.revision = revision;
  }
}
