package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationSource extends OpenObject {
  /** Repository URL without the oci:// prefix. */
  @JsonProperty("repoURL")
  private String repoURL;
  @JsonProperty("chart")
  private String chart;
  @JsonProperty("path")
  private String path;
  @JsonProperty("targetRevision")
  private String targetRevision;
  @JsonProperty("helm")
  private ApplicationSourceHelm helm;

  public String getRepoURL() {
    return repoURL;
  }

  public void setRepoURL(String repoURL) {
    this.repoURL = repoURL;
  }

  public String getChart() {
    return chart;
  }

  public void setChart(String chart) {
    this.chart = chart;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getTargetRevision() {
    return targetRevision;
  }

  public void setTargetRevision(String targetRevision) {
    this.targetRevision = targetRevision;
  }

  public ApplicationSourceHelm getHelm() {
    return helm;
  }

  public void setHelm(ApplicationSourceHelm helm) {
    this.helm = helm;
  }
}
