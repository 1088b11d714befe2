package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.dpf.api.common.NamespacedName;
import io.dpf.api.common.TemplateMetadata;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUServiceCredentialRequestSpec {
  @Required
  @JsonProperty("serviceAccount")
  private NamespacedName serviceAccount;
  /** Token lifetime, a Go duration of at least 10m; tokens are capped at 24h and rotated before expiry. */
  @Pattern(ApiPatterns.GO_DURATION)
  @JsonProperty("duration")
  private String duration;
  /** A DPUCluster; unset means the host cluster. */
  @JsonProperty("targetCluster")
  private NamespacedName targetCluster;
  @Required
  @JsonProperty("type")
  private CredentialType type;
  /** Where the Secret is written, on the host cluster. */
  @Required
  @JsonProperty("secret")
  private NamespacedName secret;
  @JsonProperty("metadata")
  private TemplateMetadata metadata;

  public NamespacedName getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(NamespacedName serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public NamespacedName getTargetCluster() {
    return targetCluster;
  }

  public void setTargetCluster(NamespacedName targetCluster) {
    this.targetCluster = targetCluster;
  }

  public CredentialType getType() {
    return type;
  }

  public void setType(CredentialType type) {
    this.type = type;
  }

  public NamespacedName getSecret() {
    return secret;
  }

  public void setSecret(NamespacedName secret) {
    this.secret = secret;
  }

  public TemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(TemplateMetadata metadata) {
    this.metadata = metadata;
  }
}
