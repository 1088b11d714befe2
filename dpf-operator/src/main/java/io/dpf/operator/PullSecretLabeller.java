package io.dpf.operator;

import io.dpf.api.LabelKeys;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marks the config's pull secrets with {@code dpu.nvidia.com/image-pull-secret} (the DPUService
 * manager copies marked Secrets into every DPU cluster) and unmarks those no longer listed. Writes
 * only where a label must change.
 */
final class PullSecretLabeller {

  private final KubernetesClient client;
  private final KindCache<Secret> secrets;

  /** Secrets are read from the cache of the config namespace's Secrets (the operator watches them). */
  PullSecretLabeller(KubernetesClient client, KindCache<Secret> secrets) {
    this.client = client;
    this.secrets = secrets;
  }

  /** @return the listed Secrets that do not exist (empty when all is well) */
  List<String> reconcile(String namespace, List<String> listed) {
    List<String> missing = new ArrayList<>();
    for (String name : listed) {
      Secret secret = secrets.get(namespace, name);
      if (secret == null) {
        missing.add(name);
      } else if (secret.getMetadata().getLabels() == null
          || !secret.getMetadata().getLabels().containsKey(LabelKeys.IMAGE_PULL_SECRET)) {
        mark(namespace, name, true);
      }
    }
    for (Secret marked : secrets.list(namespace)) {
      if (marked.getMetadata().getLabels() != null && marked.getMetadata().getLabels().containsKey(LabelKeys.IMAGE_PULL_SECRET)
          && !listed.contains(marked.getMetadata().getName())) {
        mark(namespace, marked.getMetadata().getName(), false);
      }
    }
    return missing;
  }

  private void mark(String namespace, String name, boolean marked) {
    client.secrets().inNamespace(namespace).withName(name).edit(secret -> {
      Map<String, String> labels = new HashMap<>(Optional.ofNullable(secret.getMetadata().getLabels()).orElse(Map.of()));
      if (marked) {
        labels.put(LabelKeys.IMAGE_PULL_SECRET, "");
      } else {
        labels.remove(LabelKeys.IMAGE_PULL_SECRET);
      }
      secret.getMetadata().setLabels(labels);
      return secret;
    });
  }
}
