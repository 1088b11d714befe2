package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceConfigurationHelmChart {
  @PreserveUnknownFields
  @JsonProperty("values")
  private JsonNode values;

  public JsonNode getValues() {
    return values;
  }

  public void setValues(JsonNode values) {
    this.values = values;
  }
}
