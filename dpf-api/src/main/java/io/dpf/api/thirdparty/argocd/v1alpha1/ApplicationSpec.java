package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationSpec extends OpenObject {
  @JsonProperty("project")
  private String project;
  @JsonProperty("source")
  private ApplicationSource source;
  @JsonProperty("destination")
  private ApplicationDestination destination;
  @JsonProperty("syncPolicy")
  private SyncPolicy syncPolicy;

  public String getProject() {
    return project;
  }

  public void setProject(String project) {
    this.project = project;
  }

  public ApplicationSource getSource() {
    return source;
  }

  public void setSource(ApplicationSource source) {
    this.source = source;
  }

  public ApplicationDestination getDestination() {
    return destination;
  }

  public void setDestination(ApplicationDestination destination) {
    this.destination = destination;
  }

  public SyncPolicy getSyncPolicy() {
    return syncPolicy;
  }

  public void setSyncPolicy(SyncPolicy syncPolicy) {
    this.syncPolicy = syncPolicy;
  }
}
