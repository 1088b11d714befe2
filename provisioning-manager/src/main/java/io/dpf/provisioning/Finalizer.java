package io.dpf.provisioning;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;

/** Adds and removes one finalizer with a plain update, as DPF does; a conflict is retried by the runtime. */
public final class Finalizer {

  private Finalizer() {}

  /** True when it had to be added (the reconcile goes on with the updated object). */
  public static <T extends HasMetadata> boolean ensure(KubernetesClient client, T resource, String finalizer) {
    if (has(resource, finalizer)) {
      return false;
    }
    fresh(client, resource).edit(live -> {
      List<String> finalizers = new ArrayList<>(live.getMetadata().getFinalizers());
      if (!finalizers.contains(finalizer)) {
        finalizers.add(finalizer);
      }
      live.getMetadata().setFinalizers(finalizers);
      return live;
    });
    return true;
  }

  public static <T extends HasMetadata> void remove(KubernetesClient client, T resource, String finalizer) {
    if (!has(resource, finalizer)) {
      return;
    }
    try {
      fresh(client, resource).edit(live -> {
        List<String> finalizers = new ArrayList<>(live.getMetadata().getFinalizers());
        finalizers.remove(finalizer);
        live.getMetadata().setFinalizers(finalizers);
        return live;
      });
    } catch (KubernetesClientException e) {
      // Already gone (a second reconcile of the same deletion raced us): nothing left to release.
      if (e.getCode() != 404) {
        throw e;
      }
    }
  }

  /**
   * The object by name, so {@code edit} reads the latest version rather than patching against the
   * cached one (whose resourceVersion our own status writes have often moved on from: a 409).
   */
  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> Resource<T> fresh(KubernetesClient client, T resource) {
    return client.resources((Class<T>) resource.getClass()).inNamespace(resource.getMetadata().getNamespace())
        .withName(resource.getMetadata().getName());
  }

  public static boolean has(HasMetadata resource, String finalizer) {
    return resource.getMetadata().getFinalizers() != null && resource.getMetadata().getFinalizers().contains(finalizer);
  }

  public static boolean deleting(HasMetadata resource) {
    return resource.getMetadata().getDeletionTimestamp() != null;
  }
}
