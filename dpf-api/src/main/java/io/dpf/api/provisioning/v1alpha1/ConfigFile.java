package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigFile {
  @Required
  @JsonProperty("path")
  private String path;
  @Required
  @JsonProperty("operation")
  private ConfigFileOperation operation;
  @Required
  @JsonProperty("raw")
  private String raw;
  /** Octal mode such as "0644". */
  @Pattern("^0?[0-7]{3}$")
  @JsonProperty("permissions")
  private String permissions;

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public ConfigFileOperation getOperation() {
    return operation;
  }

  public void setOperation(ConfigFileOperation operation) {
    this.operation = operation;
  }

  public String getRaw() {
    return raw;
  }

  public void setRaw(String raw) {
    this.raw = raw;
  }

  public String getPermissions() {
    return permissions;
  }

  public void setPermissions(String permissions) {
    this.permissions = permissions;
  }
}
