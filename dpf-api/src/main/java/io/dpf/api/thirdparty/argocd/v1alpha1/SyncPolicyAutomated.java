package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class SyncPolicyAutomated extends OpenObject {
  @JsonProperty("prune")
  private Boolean prune;
  @JsonProperty("selfHeal")
  private Boolean selfHeal;

  public Boolean getPrune() {
    return prune;
  }

  public void setPrune(Boolean prune) {
    this.prune = prune;
  }

  public Boolean getSelfHeal() {
    return selfHeal;
  }

  public void setSelfHeal(Boolean selfHeal) {
    this.selfHeal = selfHeal;
  }
}
