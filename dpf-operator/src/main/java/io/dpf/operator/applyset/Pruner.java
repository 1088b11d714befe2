package io.dpf.operator.applyset;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** Deletes ApplySet members that are no longer desired, and tells which members still exist. */
public final class Pruner {

  private final KubernetesClient client;

  public Pruner(KubernetesClient client) {
    this.client = client;
  }

  /** Deletes each listed entry; a kind the server no longer knows, or a gone object, is fine. */
  public void delete(Collection<String> entries) {
    for (String entry : entries) {
      resource(ApplySet.Entry.parse(entry)).ifPresent(r -> r.withTimeout(0, TimeUnit.SECONDS).delete());
    }
  }

  /** The entries whose objects still exist (deleted objects with finalizers count as existing). */
  public Set<String> remaining(Collection<String> entries) {
    Set<String> remaining = new TreeSet<>();
    for (String entry : entries) {
      resource(ApplySet.Entry.parse(entry)).filter(r -> r.get() != null).ifPresent(r -> remaining.add(entry));
    }
    return remaining;
  }

  private Optional<Resource<GenericKubernetesResource>> resource(ApplySet.Entry entry) {
    String apiVersion = apiVersion(entry.group());
    if (apiVersion == null) {
      return Optional.empty();
    }
    try {
      var kind = client.genericKubernetesResources(apiVersion, entry.kind());
      return Optional.of(entry.namespace() == null
          ? kind.withName(entry.name()) : kind.inNamespace(entry.namespace()).withName(entry.name()));
    } catch (KubernetesClientException unknownKind) {
      return Optional.empty(); // its CRD is gone, and with it every object of the kind
    }
  }

  private String apiVersion(String group) {
    if (group.isEmpty()) {
      return "v1";
    }
    APIGroup apiGroup = client.getApiGroup(group);
    return apiGroup == null || apiGroup.getPreferredVersion() == null ? null
        : apiGroup.getPreferredVersion().getGroupVersion();
  }
}
