package io.dpf.cli.read;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Makes the clients the reader uses; tests pass one that records every request. */
@FunctionalInterface
public interface ClientFactory {

  KubernetesClient create(Config config);

  static ClientFactory standard() {
    return config -> new KubernetesClientBuilder().withConfig(config).build();
  }
}
