package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Form of the Secret a DPUServiceCredentialRequest writes. */
public enum CredentialType {
  @JsonProperty("kubeconfig")
  KUBECONFIG("kubeconfig"),
  @JsonProperty("tokenFile")
  TOKEN_FILE("tokenFile");

  private final String value;

  CredentialType(String value) {
    this.value = value;
  }

  /** The string stored in the API. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
