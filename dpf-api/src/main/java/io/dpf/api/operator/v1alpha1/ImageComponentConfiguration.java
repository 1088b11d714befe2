package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;

/** A component that runs from a container image only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageComponentConfiguration {
  @JsonProperty("disable")
  private Boolean disable;
  @Pattern(ApiPatterns.IMAGE)
  @JsonProperty("image")
  private String image;

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
}
