package io.dpf.dpuservice.deployment;

import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import java.util.Map;

/**
 * A DPUDeployment and everything it refers to, read from the host: what rendering needs.
 *
 * @param templates per deployment service name
 * @param configurations per deployment service name
 */
public record DpuDeploymentInputs(DPUDeployment deployment, DPUFlavor flavor,
    Map<String, DPUServiceTemplate> templates, Map<String, DPUServiceConfiguration> configurations) {

  public String name() {
    return deployment.getMetadata().getName();
  }

  public String namespace() {
    return deployment.getMetadata().getNamespace();
  }
}
