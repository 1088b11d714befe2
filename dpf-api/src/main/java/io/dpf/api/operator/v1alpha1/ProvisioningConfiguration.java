package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Size;

/** [early] shape of the provisioning settings, kept so the seed's manifests apply verbatim. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProvisioningConfiguration {
  /** Existing PVC the provisioning controller stores BFB files in. */
  @Size(min = 1)
  @JsonProperty("bfbPVCName")
  private String bfbPVCName;
  /** Secret used by the DMS and host-network pods. */
  @JsonProperty("imagePullSecret")
  private String imagePullSecret;

  public String getBfbPVCName() {
    return bfbPVCName;
  }

  public void setBfbPVCName(String bfbPVCName) {
    this.bfbPVCName = bfbPVCName;
  }

  public String getImagePullSecret() {
    return imagePullSecret;
  }

  public void setImagePullSecret(String imagePullSecret) {
    this.imagePullSecret = imagePullSecret;
  }
}
