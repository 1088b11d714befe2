package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Overrides {
  /** When true the operator returns at once and writes nothing, not even status. */
  @JsonProperty("paused")
  private Boolean paused;
  /** [early] Skip the OVN-Kubernetes offload configuration. */
  @JsonProperty("disableOVNKubernetesReconcile")
  private Boolean disableOVNKubernetesReconcile;
  /** [early] Component names not to deploy; v25.1 uses the per-component disable field. */
  @JsonProperty("disableSystemComponents")
  private List<String> disableSystemComponents;

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }

  public Boolean getDisableOVNKubernetesReconcile() {
    return disableOVNKubernetesReconcile;
  }

  public void setDisableOVNKubernetesReconcile(Boolean disableOVNKubernetesReconcile) {
    this.disableOVNKubernetesReconcile = disableOVNKubernetesReconcile;
  }

  public List<String> getDisableSystemComponents() {
    return disableSystemComponents;
  }

  public void setDisableSystemComponents(List<String> disableSystemComponents) {
    this.disableSystemComponents = disableSystemComponents;
  }
}
