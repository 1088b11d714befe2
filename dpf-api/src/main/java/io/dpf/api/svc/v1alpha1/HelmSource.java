package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmSource {
  /** Chart repository, https:// or oci://. */
  @Required
  @Pattern(ApiPatterns.HELM_REPO_URL)
  @JsonProperty("repoURL")
  private String repoURL;
  /** Path of the chart in a Git repository. */
  @JsonProperty("path")
  private String path;
  @Required
  @Size(min = 1)
  @JsonProperty("version")
  private String version;
  @JsonProperty("chart")
  private String chart;
  @JsonProperty("releaseName")
  private String releaseName;

  public String getRepoURL() {
    return repoURL;
  }

  public void setRepoURL(String repoURL) {
    this.repoURL = repoURL;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getChart() {
    return chart;
  }

  public void setChart(String chart) {
    this.chart = chart;
  }

  public String getReleaseName() {
    return releaseName;
  }

  public void setReleaseName(String releaseName) {
    this.releaseName = releaseName;
  }
}
