package io.dpf.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;

/** A reference to a namespaced object by namespace and name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespacedName {
  @Required
  @JsonProperty("name")
  private String name;
  @Required
  @JsonProperty("namespace")
  private String namespace;

  public NamespacedName() {
  }

  public NamespacedName(String namespace, String name) {
    this.namespace = namespace;
    this.name = name;
  }

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
}
