package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.common.TemplateMetadata;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceConfiguration {
  /** Values that win over the template's values. */
  @JsonProperty("helmChart")
  private ServiceConfigurationHelmChart helmChart;
  @JsonProperty("serviceDaemonSet")
  private TemplateMetadata serviceDaemonSet;
  @JsonProperty("deployInCluster")
  private Boolean deployInCluster;

  public ServiceConfigurationHelmChart getHelmChart() {
    return helmChart;
  }

  public void setHelmChart(ServiceConfigurationHelmChart helmChart) {
    this.helmChart = helmChart;
  }

  public TemplateMetadata getServiceDaemonSet() {
    return serviceDaemonSet;
  }

  public void setServiceDaemonSet(TemplateMetadata serviceDaemonSet) {
    this.serviceDaemonSet = serviceDaemonSet;
  }

  public Boolean getDeployInCluster() {
    return deployInCluster;
  }

  public void setDeployInCluster(Boolean deployInCluster) {
    this.deployInCluster = deployInCluster;
  }
}
