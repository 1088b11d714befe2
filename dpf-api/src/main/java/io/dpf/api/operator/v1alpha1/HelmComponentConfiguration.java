package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;

/** A DPU-side component deployed as a DPUService from a Helm chart. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmComponentConfiguration {
  @JsonProperty("disable")
  private Boolean disable;
  @Pattern(ApiPatterns.IMAGE)
  @JsonProperty("image")
  private String image;
  /** {@code <repo>/<chart>:<version>}, e.g. oci://ghcr.io/nvidia/dpu-networking:v25.1.0. */
  @Pattern(ApiPatterns.HELM_CHART)
  @JsonProperty("helmChart")
  private String helmChart;

  public Boolean getDisable() {
    return disable;
  }

  public void setDisable(Boolean disable) {
    this.disable = disable;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getHelmChart() {
    return helmChart;
  }

  public void setHelmChart(String helmChart) {
    this.helmChart = helmChart;
  }
}
