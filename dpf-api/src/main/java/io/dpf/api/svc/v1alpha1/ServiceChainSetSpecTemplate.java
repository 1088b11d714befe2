package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.common.TemplateMetadata;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceChainSetSpecTemplate {
  @JsonProperty("metadata")
  private TemplateMetadata metadata;
  @Required
  @JsonProperty("spec")
  private ServiceChainSetSpec spec;

  public TemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(TemplateMetadata metadata) {
    this.metadata = metadata;
  }

  public ServiceChainSetSpec getSpec() {
    return spec;
  }

  public void setSpec(ServiceChainSetSpec spec) {
    this.spec = spec;
  }
}
