package io.dpf.operator.inventory;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import java.util.List;

/**
 * Everything rendering reads: the config, its namespace, the settings of the component being
 * rendered, the release defaults and the ApplySet label members carry. No client: rendering is pure.
 */
public record RenderInputs(DPFOperatorConfig config, ComponentSettings settings, ReleaseDefaults defaults,
    String applySetId) {

  public String namespace() {
    return config.getMetadata().getNamespace();
  }

  /** {@code spec.imagePullSecrets} plus the early {@code provisioningConfiguration.imagePullSecret}. */
  public List<String> imagePullSecrets() {
    return PullSecretNames.of(config.getSpec());
  }

  /** The image for this component: the override, else the release default (may be null). */
  public String image() {
    return settings.image() != null ? settings.image() : defaults.image(settings.name());
  }
}
