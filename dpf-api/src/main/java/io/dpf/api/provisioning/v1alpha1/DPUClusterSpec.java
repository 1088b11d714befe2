package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

@ValidationRule(value = "!has(oldSelf.kubeconfig) || (has(self.kubeconfig) && self.kubeconfig == oldSelf.kubeconfig)",
    message = "kubeconfig is immutable once set", fieldPath = ".kubeconfig")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUClusterSpec {
  /** kamaji, static, or a vendor type with a prefix such as example.com/mine. */
  @Required
  @Pattern(ApiPatterns.DPU_CLUSTER_TYPE)
  @JsonProperty("type")
  private String type;
  @Min(1)
  @Max(1000)
  @Default("1000")
  @JsonProperty("maxNodes")
  private Integer maxNodes;
  /** Kubernetes version of the control plane. */
  @Required
  @JsonProperty("version")
  private String version;
  /** Secret in the same namespace whose key admin.conf holds an admin kubeconfig. */
  @Size(max = 253)
  @JsonProperty("kubeconfig")
  private String kubeconfig;
  @JsonProperty("clusterEndpoint")
  private ClusterEndpoint clusterEndpoint;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Integer getMaxNodes() {
    return maxNodes;
  }

  public void setMaxNodes(Integer maxNodes) {
    this.maxNodes = maxNodes;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getKubeconfig() {
    return kubeconfig;
  }

  public void setKubeconfig(String kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  public ClusterEndpoint getClusterEndpoint() {
    return clusterEndpoint;
  }

  public void setClusterEndpoint(ClusterEndpoint clusterEndpoint) {
    this.clusterEndpoint = clusterEndpoint;
  }
}
