package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUTemplate {
  @JsonProperty("annotations")
  private Map<String, String> annotations;
  @Required
  @JsonProperty("spec")
  private DPUTemplateSpec spec;

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  public DPUTemplateSpec getSpec() {
    return spec;
  }

  public void setSpec(DPUTemplateSpec spec) {
    this.spec = spec;
  }
}
