package io.dpf.api.thirdparty.argocd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.thirdparty.OpenObject;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationSourceHelm extends OpenObject {
  @JsonProperty("releaseName")
  private String releaseName;
  @PreserveUnknownFields
  @JsonProperty("valuesObject")
  private JsonNode valuesObject;

  public String getReleaseName() {
    return releaseName;
  }

  public void setReleaseName(String releaseName) {
    this.releaseName = releaseName;
  }

  public JsonNode getValuesObject() {
    return valuesObject;
  }

  public void setValuesObject(JsonNode valuesObject) {
    this.valuesObject = valuesObject;
  }
}
