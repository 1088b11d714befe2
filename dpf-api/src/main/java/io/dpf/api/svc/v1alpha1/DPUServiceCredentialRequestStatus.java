package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.conditions.ConditionedStatus;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUServiceCredentialRequestStatus extends ConditionedStatus {
  /** "namespace/name" of the ServiceAccount the token was issued for. */
  @JsonProperty("serviceAccount")
  private String serviceAccount;
  @JsonProperty("targetCluster")
  private String targetCluster;
  /** RFC 3339 time the current token expires. */
  @JsonProperty("expirationTimestamp")
  private String expirationTimestamp;
  @JsonProperty("issuedAt")
  private String issuedAt;
  @JsonProperty("secret")
  private String secret;

  public String getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(String serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  public String getTargetCluster() {
    return targetCluster;
  }

  public void setTargetCluster(String targetCluster) {
    this.targetCluster = targetCluster;
  }

  public String getExpirationTimestamp() {
    return expirationTimestamp;
  }

  public void setExpirationTimestamp(String expirationTimestamp) {
    this.expirationTimestamp = expirationTimestamp;
  }

  public String getIssuedAt() {
    return issuedAt;
  }

  public void setIssuedAt(String issuedAt) {
    this.issuedAt = issuedAt;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }
}
