package io.dpf.provisioning.dpu.install;

import java.util.List;

/**
 * How the manager runs its rshim host agents: its own image in agent mode, in its own namespace
 * (so the manager needs Pod rights there only), as a service account that may read DPUs and write
 * their status.
 *
 * @param image the provisioning manager's image (the agent is the same binary)
 * @param namespace where agent pods run, the manager's namespace
 * @param serviceAccount the agent pods' service account
 * @param imagePullSecrets pull secrets for {@code image}
 */
public record HostAgentSettings(String image, String namespace, String serviceAccount, List<String> imagePullSecrets) {

  public static final String DEFAULT_SERVICE_ACCOUNT = "dpf-provisioning-host-agent";

  public HostAgentSettings {
    imagePullSecrets = List.copyOf(imagePullSecrets);
  }
}
