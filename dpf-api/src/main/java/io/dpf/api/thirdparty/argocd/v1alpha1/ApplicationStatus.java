package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationStatus extends OpenObject {
  @JsonProperty("sync")
  private SyncStatus sync;
  @JsonProperty("health")
  private HealthStatus health;

  public SyncStatus getSync() {
    return sync;
  }

  public void setSync(SyncStatus sync) {
    this.sync = sync;
  }

  public HealthStatus getHealth() {
    return health;
  }

  public void setHealth(HealthStatus health) {
    this.health = health;
  }
}
