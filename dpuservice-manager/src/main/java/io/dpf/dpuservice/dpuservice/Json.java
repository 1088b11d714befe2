package io.dpf.dpuservice.dpuservice;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** One Kubernetes-aware JSON mapper for the pure rendering code. */
final class Json {

  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Json() {}

  static String write(Object value) {
    return SERIALIZATION.asJson(value);
  }

  static JsonNode tree(Object value) {
    return SERIALIZATION.convertValue(value, JsonNode.class);
  }
}
