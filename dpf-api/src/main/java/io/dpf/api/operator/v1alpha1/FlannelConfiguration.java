package io.dpf.api.operator.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;

/** Flannel, the DPU clusters' pod network: its chart, pod CIDR and the images of its two containers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FlannelConfiguration {
  @JsonProperty("disable")
  private Boolean disable;
  @Pattern(ApiPatterns.HELM_CHART)
  @JsonProperty("helmChart")
  private String helmChart;
  /** The DPU clusters' pod network, split into per-node subnets; default 10.244.0.0/14. */
  @Pattern(ApiPatterns.IPV4_CIDR)
  @JsonProperty("podCIDR")
  private String podCIDR;
  /** The flannel CNI plugin's image (its install-cni-plugin init container). */
  @JsonProperty("cni")
  private ContainerImageConfiguration cni;
  /** The flanneld daemon's image. */
  @JsonProperty("daemon")
  private ContainerImageConfiguration daemon;

  public Boolean getDisable() {
    return disable;
  }

  public void setDisable(Boolean disable) {
    this.disable = disable;
  }

  public String getHelmChart() {
    return helmChart;
  }

  public void setHelmChart(String helmChart) {
    this.helmChart = helmChart;
  }

  public String getPodCIDR() {
    return podCIDR;
  }

  public void setPodCIDR(String podCIDR) {
    this.podCIDR = podCIDR;
  }

  public ContainerImageConfiguration getCni() {
    return cni;
  }

  public void setCni(ContainerImageConfiguration cni) {
    this.cni = cni;
  }

  public ContainerImageConfiguration getDaemon() {
    return daemon;
  }

  public void setDaemon(ContainerImageConfiguration daemon) {
    this.daemon = daemon;
  }
}
