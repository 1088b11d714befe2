package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SyncPolicy extends OpenObject {
  @JsonProperty("automated")
  private SyncPolicyAutomated automated;
  @JsonProperty("syncOptions")
  private List<String> syncOptions;

  public SyncPolicyAutomated getAutomated() {
    return automated;
  }

  public void setAutomated(SyncPolicyAutomated automated) {
    this.automated = automated;
  }

  public List<String> getSyncOptions() {
    return syncOptions;
  }

  public void setSyncOptions(List<String> syncOptions) {
    this.syncOptions = syncOptions;
  }
}
