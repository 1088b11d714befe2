package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

@ValidationRule(value = "!has(self.interfaces) || has(self.serviceID)",
    message = "serviceID must be set when interfaces are set", fieldPath = ".serviceID")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUServiceSpec {
  @Required
  @JsonProperty("helmChart")
  private HelmChart helmChart;
  /** Value of the pod label svc.dpu.nvidia.com/service; what DPUServiceInterfaces of type service match. */
  @JsonProperty("serviceID")
  private String serviceID;
  @JsonProperty("serviceDaemonSet")
  private ServiceDaemonSetValues serviceDaemonSet;
  /** True installs the chart on the host cluster instead of the DPU clusters. */
  @JsonProperty("deployInCluster")
  private Boolean deployInCluster;
  /** Names of DPUServiceInterfaces (type service) in this namespace that the service's pods attach to. */
  @Size(min = 1, max = 50)
  @JsonProperty("interfaces")
  private List<String> interfaces;
  /** Stops ArgoCD from syncing the service's Applications. */
  @JsonProperty("paused")
  private Boolean paused;

  public HelmChart getHelmChart() {
    return helmChart;
  }

  public void setHelmChart(HelmChart helmChart) {
    this.helmChart = helmChart;
  }

  public String getServiceID() {
    return serviceID;
  }

  public void setServiceID(String serviceID) {
    this.serviceID = serviceID;
  }

  public ServiceDaemonSetValues getServiceDaemonSet() {
    return serviceDaemonSet;
  }

  public void setServiceDaemonSet(ServiceDaemonSetValues serviceDaemonSet) {
    this.serviceDaemonSet = serviceDaemonSet;
  }

  public Boolean getDeployInCluster() {
    return deployInCluster;
  }

  public void setDeployInCluster(Boolean deployInCluster) {
    this.deployInCluster = deployInCluster;
  }

  public List<String> getInterfaces() {
    return interfaces;
  }

  public void setInterfaces(List<String> interfaces) {
    this.interfaces = interfaces;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }
}
