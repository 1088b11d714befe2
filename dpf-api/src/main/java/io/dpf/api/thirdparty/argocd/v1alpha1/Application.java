package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;

/** Typed subset of ArgoCD's Application; unknown fields are kept. */
@Group("argoproj.io")
@Version("v1alpha1")
@Plural("applications")
public class Application extends CustomResource<ApplicationSpec, ApplicationStatus> implements Namespaced {

  /**
   * The sync Argo CD is asked to run (it sets this itself for automated syncs and clears it when
   * done). A top-level field: without it here, reading a live Application would fail.
   */
  @JsonProperty("operation")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private JsonNode operation;

  public JsonNode getOperation() {
    return operation;
  }

  public void setOperation(JsonNode operation) {
    this.operation = operation;
  }
}
