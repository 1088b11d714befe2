package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;

/** The image of one container of a component, e.g. a mirror of the upstream image. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContainerImageConfiguration {
  @Pattern(ApiPatterns.IMAGE)
  @JsonProperty("image")
  private String image;

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }
}
