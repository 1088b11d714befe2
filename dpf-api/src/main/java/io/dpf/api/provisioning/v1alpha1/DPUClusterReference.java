package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The DPU cluster the DPU joins; chosen by the allocator when empty, then fixed. */
@ValidationRule(value = "!has(oldSelf.name) || (has(self.name) && self.name == oldSelf.name)",
    message = "cluster.name is immutable once set", fieldPath = ".name")
// "namespace" is a CEL keyword; Kubernetes exposes the field as __namespace__.
@ValidationRule(value = "!has(oldSelf.__namespace__) || (has(self.__namespace__) && self.__namespace__ == oldSelf.__namespace__)",
    message = "cluster.namespace is immutable once set", fieldPath = ".namespace")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUClusterReference {
  @Size(max = 253)
  @JsonProperty("name")
  private String name;
  @Size(max = 63)
  @JsonProperty("namespace")
  private String namespace;
  @JsonProperty("nodeLabels")
  private Map<String, String> nodeLabels;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public Map<String, String> getNodeLabels() {
    return nodeLabels;
  }

  public void setNodeLabels(Map<String, String> nodeLabels) {
    this.nodeLabels = nodeLabels;
  }
}
