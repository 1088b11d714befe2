package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class DPUTemplate {
  @ValidationRule(value = "!('provisioning.dpu.nvidia.com/host-power-cycle-required' in self) || "
      + "self['provisioning.dpu.nvidia.com/host-power-cycle-required'] in "
      + "['1', 't', 'T', 'true', 'TRUE', 'True', '0', 'f', 'F', 'false', 'FALSE', 'False']",
      message = "annotation provisioning.dpu.nvidia.com/host-power-cycle-required must be a boolean (true or false)")
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
