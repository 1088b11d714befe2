package io.dpf.api.thirdparty;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of the typed subsets of third-party kinds. We model only the fields DPF reads or writes; the
 * rest is kept here so reading an object and writing it back never drops what its owner set, and
 * the generated schema marks these objects x-kubernetes-preserve-unknown-fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(OpenObjectSchema.class)
public abstract class OpenObject {
  @JsonAnyGetter
  @JsonAnySetter
  private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

  /** Fields of the object that the typed subset does not model. */
  public Map<String, Object> additionalProperties() {
    return additionalProperties;
  }
}
