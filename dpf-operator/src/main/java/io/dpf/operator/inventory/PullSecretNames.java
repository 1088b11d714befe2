package io.dpf.operator.inventory;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfigSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The pull secrets a config lists, in both spec shapes, without duplicates. */
public final class PullSecretNames {

  private PullSecretNames() {}

  public static List<String> of(DPFOperatorConfigSpec spec) {
    Set<String> names = new LinkedHashSet<>();
    if (spec.getImagePullSecrets() != null) {
      names.addAll(spec.getImagePullSecrets());
    }
    if (spec.getProvisioningConfiguration() != null && spec.getProvisioningConfiguration().getImagePullSecret() != null
        && !spec.getProvisioningConfiguration().getImagePullSecret().isBlank()) {
      names.add(spec.getProvisioningConfiguration().getImagePullSecret());
    }
    return List.copyOf(names);
  }
}
