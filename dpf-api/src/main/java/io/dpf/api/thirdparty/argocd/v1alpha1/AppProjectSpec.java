package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AppProjectSpec extends OpenObject {
  @JsonProperty("description")
  private String description;
  @JsonProperty("sourceRepos")
  private List<String> sourceRepos;
  @JsonProperty("destinations")
  private List<ApplicationDestination> destinations;
  @JsonProperty("clusterResourceWhitelist")
  private List<GroupKind> clusterResourceWhitelist;
  @JsonProperty("namespaceResourceWhitelist")
  private List<GroupKind> namespaceResourceWhitelist;

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getSourceRepos() {
    return sourceRepos;
  }

  public void setSourceRepos(List<String> sourceRepos) {
    this.sourceRepos = sourceRepos;
  }

  public List<ApplicationDestination> getDestinations() {
    return destinations;
  }

  public void setDestinations(List<ApplicationDestination> destinations) {
    this.destinations = destinations;
  }

  public List<GroupKind> getClusterResourceWhitelist() {
    return clusterResourceWhitelist;
  }

  public void setClusterResourceWhitelist(List<GroupKind> clusterResourceWhitelist) {
    this.clusterResourceWhitelist = clusterResourceWhitelist;
  }

  public List<GroupKind> getNamespaceResourceWhitelist() {
    return namespaceResourceWhitelist;
  }

  public void setNamespaceResourceWhitelist(List<GroupKind> namespaceResourceWhitelist) {
    this.namespaceResourceWhitelist = namespaceResourceWhitelist;
  }
}
