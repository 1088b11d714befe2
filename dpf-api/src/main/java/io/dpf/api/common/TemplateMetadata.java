package io.dpf.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The part of object metadata a template may set on the objects made from it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TemplateMetadata {
  @JsonProperty("labels")
  private Map<String, String> labels;
  @JsonProperty("annotations")
  private Map<String, String> annotations;

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }
}
