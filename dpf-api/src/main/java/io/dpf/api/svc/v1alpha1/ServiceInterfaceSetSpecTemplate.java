package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.common.TemplateMetadata;
import io.fabric8.generator.annotation.Required;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceInterfaceSetSpecTemplate {
  @JsonProperty("metadata")
  private TemplateMetadata metadata;
  @Required
  @JsonProperty("spec")
  private ServiceInterfaceSetSpec spec;

  public TemplateMetadata getMetadata() {
    return metadata;
  }

  public void setMetadata(TemplateMetadata metadata) {
    this.metadata = metadata;
  }

  public ServiceInterfaceSetSpec getSpec() {
    return spec;
  }

  public void setSpec(ServiceInterfaceSetSpec spec) {
    this.spec = spec;
  }
}
