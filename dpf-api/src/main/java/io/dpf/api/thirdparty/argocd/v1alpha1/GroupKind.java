package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class GroupKind extends OpenObject {
  @JsonProperty("group")
  private String group;
  @JsonProperty("kind")
  private String kind;

  public GroupKind() {
  }

  public GroupKind(String group, String kind) {
    this.group = group;
    this.kind = kind;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }
}
