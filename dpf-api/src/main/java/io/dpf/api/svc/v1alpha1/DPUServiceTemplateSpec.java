package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUServiceTemplateSpec {
  @Required
  @JsonProperty("deploymentServiceName")
  private String deploymentServiceName;
  @Required
  @JsonProperty("helmChart")
  private HelmChart helmChart;
  /** What one instance needs on a DPU; checked against the flavor's dpuResources. */
  @JsonProperty("resourceRequirements")
  private Map<String, Quantity> resourceRequirements;

  public String getDeploymentServiceName() {
    return deploymentServiceName;
  }

  public void setDeploymentServiceName(String deploymentServiceName) {
    this.deploymentServiceName = deploymentServiceName;
  }

  public HelmChart getHelmChart() {
    return helmChart;
  }

  public void setHelmChart(HelmChart helmChart) {
    this.helmChart = helmChart;
  }

  public Map<String, Quantity> getResourceRequirements() {
    return resourceRequirements;
  }

  public void setResourceRequirements(Map<String, Quantity> resourceRequirements) {
    this.resourceRequirements = resourceRequirements;
  }
}
