package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUDetectorConfiguration {
  @JsonProperty("disable")
  private Boolean disable;
  @Pattern(ApiPatterns.IMAGE)
  @JsonProperty("image")
  private String image;
  @JsonProperty("collectors")
  private DPUDetectorCollectors collectors;

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

  public DPUDetectorCollectors getCollectors() {
    return collectors;
  }

  public void setCollectors(DPUDetectorCollectors collectors) {
    this.collectors = collectors;
  }
}
