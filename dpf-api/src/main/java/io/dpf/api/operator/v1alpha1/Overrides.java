package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;
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
  /** Where CNI binaries live on the DPUs; default /opt/cni/bin. */
  @Pattern(ApiPatterns.ABSOLUTE_PATH)
  @JsonProperty("dpuCNIBinPath")
  private String dpuCNIBinPath;
  /** Where CNI configuration lives on the DPUs; default /etc/cni/net.d/. */
  @Pattern(ApiPatterns.ABSOLUTE_PATH)
  @JsonProperty("dpuCNIPath")
  private String dpuCNIPath;
  /** Open vSwitch's run directory on the DPUs, with its db.sock; default /var/run/openvswitch/. */
  @Pattern(ApiPatterns.ABSOLUTE_PATH)
  @JsonProperty("dpuOpenvSwitchRunPath")
  private String dpuOpenvSwitchRunPath;
  /**
   * Whether flannel leaves out its own CNI configuration because Multus, whose configuration calls
   * flannel, is the DPUs' CNI. Default: true while Multus is enabled, else false.
   */
  @JsonProperty("flannelSkipCNIConfigInstallation")
  private Boolean flannelSkipCNIConfigInstallation;

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

  public String getDpuCNIBinPath() {
    return dpuCNIBinPath;
  }

  public void setDpuCNIBinPath(String dpuCNIBinPath) {
    this.dpuCNIBinPath = dpuCNIBinPath;
  }

  public String getDpuCNIPath() {
    return dpuCNIPath;
  }

  public void setDpuCNIPath(String dpuCNIPath) {
    this.dpuCNIPath = dpuCNIPath;
  }

  public String getDpuOpenvSwitchRunPath() {
    return dpuOpenvSwitchRunPath;
  }

  public void setDpuOpenvSwitchRunPath(String dpuOpenvSwitchRunPath) {
    this.dpuOpenvSwitchRunPath = dpuOpenvSwitchRunPath;
  }

  public Boolean getFlannelSkipCNIConfigInstallation() {
    return flannelSkipCNIConfigInstallation;
  }

  public void setFlannelSkipCNIConfigInstallation(Boolean flannelSkipCNIConfigInstallation) {
    this.flannelSkipCNIConfigInstallation = flannelSkipCNIConfigInstallation;
  }
}
