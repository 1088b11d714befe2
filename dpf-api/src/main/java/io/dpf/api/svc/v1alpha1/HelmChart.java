package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class HelmChart {
  @Required
  @JsonProperty("source")
  private HelmSource source;
  /** Helm values, merged over the chart's defaults. */
  @PreserveUnknownFields
  @JsonProperty("values")
  private JsonNode values;

  public HelmSource getSource() {
    return source;
  }

  public void setSource(HelmSource source) {
    this.source = source;
  }

  public JsonNode getValues() {
    return values;
  }

  public void setValues(JsonNode values) {
    this.values = values;
  }
}
