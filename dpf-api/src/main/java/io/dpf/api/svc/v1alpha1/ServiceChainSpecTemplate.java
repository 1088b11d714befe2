package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.common.TemplateMetadata;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceChainSpecTemplate {
  @JsonProperty("metadata")
  private TemplateMetadata metadata;
  @Required
  @JsonProperty("spec")
  private ServiceChainSpec spec;

  public TemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(TemplateMetadata metadata) {
    this.metadata = metadata;
  }

  public ServiceChainSpec getSpec() {
    return spec;
  }

  public void setSpec(ServiceChainSpec spec) {
    this.spec = spec;
  }
}
