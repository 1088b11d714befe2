package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProvisioningControllerConfiguration {
  @JsonProperty("disable")
  private Boolean disable;
  @Pattern(ApiPatterns.IMAGE)
  @JsonProperty("image")
  private String image;
  /** PVC the controller stores BFB files in; must already exist. */
  @Required
  @Size(min = 1)
  @JsonProperty("bfbPVCName")
  private String bfbPVCName;
  /** Seconds DMS may take for one operation. */
  @Min(1)
  @JsonProperty("dmsTimeout")
  private Integer dmsTimeout;

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

  public String getBfbPVCName() {
    return bfbPVCName;
  }

  public void setBfbPVCName(String bfbPVCName) {
    this.bfbPVCName = bfbPVCName;
  }

  public Integer getDmsTimeout() {
    return dmsTimeout;
  }

  public void setDmsTimeout(Integer dmsTimeout) {
    this.dmsTimeout = dmsTimeout;
  }
}
