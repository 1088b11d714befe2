package io.dpf.operator;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.OperatorNames;

/** Which DPFOperatorConfig is the singleton ({@code --config-namespace}, {@code --config-name}). */
public record OperatorSettings(String namespace, String name) {

  public static OperatorSettings defaults() {
    return new OperatorSettings(OperatorNames.CONFIG_NAMESPACE, OperatorNames.CONFIG_NAME);
  }

  boolean isSingleton(DPFOperatorConfig config) {
    return namespace.equals(config.getMetadata().getNamespace()) && name.equals(config.getMetadata().getName());
  }
}
