package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Grub {
  @Required
  @JsonProperty("kernelParameters")
  private List<String> kernelParameters;

  public List<String> getKernelParameters() {
    return kernelParameters;
  }

  public void setKernelParameters(List<String> kernelParameters) {
    this.kernelParameters = kernelParameters;
  }
}
