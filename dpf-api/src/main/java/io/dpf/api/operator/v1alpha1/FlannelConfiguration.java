package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;

/** Flannel runs its upstream images; only its chart can be replaced. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FlannelConfiguration {
  @JsonProperty("disable")
  private Boolean disable;
  @Pattern(ApiPatterns.HELM_CHART)
  @JsonProperty("helmChart")
  private String helmChart;

  public Boolean getDisable() {
    return disable;
  }

  public void setDisable(Boolean disable) {
    this.disable = disable;
  }

  public String getHelmChart() {
    return helmChart;
  }

  public void setHelmChart(String helmChart) {
    this.helmChart = helmChart;
  }
}
