package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationDestination extends OpenObject {
  /** ArgoCD cluster name (the DPUCluster name, or in-cluster). */
  @JsonProperty("name")
  private String name;
  @JsonProperty("server")
  private String server;
  @JsonProperty("namespace")
  private String namespace;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getServer() {
    return server;
  }

  public void setServer(String server) {
    this.server = server;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
