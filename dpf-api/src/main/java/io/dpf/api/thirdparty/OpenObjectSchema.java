package io.dpf.api.thirdparty;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Build-time only (used by the CRD generator): Jackson 2.18+ reports the any-getter of
 * {@link OpenObject} as a property named additionalProperties. This drops it and marks the object
 * x-kubernetes-preserve-unknown-fields, which is what the any-getter means.
 */
public class OpenObjectSchema implements SchemaCustomizer.Customizer {
  static final String ANY_PROPERTY = "additionalProperties";

  @Override
  public JSONSchemaProps apply(JSONSchemaProps schema, String input, KubernetesSerialization serialization) {
    if (schema.getProperties() != null) {
      schema.getProperties().remove(ANY_PROPERTY);
    }
    schema.setXKubernetesPreserveUnknownFields(true);
    return schema;
  }
}
