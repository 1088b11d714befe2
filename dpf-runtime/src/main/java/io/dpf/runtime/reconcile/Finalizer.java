package io.dpf.runtime.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * The one finalizer rule of every reconciler (controller-runtime's controllerutil, cluster-api's
 * finalizers util): decide on the cached copy, write only when something changes, and edit the live
 * object read by name, so a status write since the cached copy was taken causes no 409 and no retry.
 * An object already gone is nothing to add to or remove from.
 */
public final class Finalizer {

  private Finalizer() {}

  /** Adds the finalizer unless the object has it; true when it had to be written. */
  public static <T extends HasMetadata> boolean ensure(KubernetesClient client, T object, String finalizer) {
    if (has(object, finalizer) || deleting(object)) {
      return false;
    }
    return edit(client, object, finalizer, true);
  }

  /** Removes the finalizer if the object has it; true when it had to be written. */
  public static <T extends HasMetadata> boolean remove(KubernetesClient client, T object, String finalizer) {
    if (!has(object, finalizer)) {
      return false;
    }
    return edit(client, object, finalizer, false);
  }

  public static boolean has(HasMetadata object, String finalizer) {
    return object.getMetadata().getFinalizers() != null && object.getMetadata().getFinalizers().contains(finalizer);
  }

  public static boolean deleting(HasMetadata object) {
    return object.getMetadata().getDeletionTimestamp() != null;
  }

  private static <T extends HasMetadata> boolean edit(KubernetesClient client, T object, String finalizer,
      boolean present) {
    try {
      byName(client, object).edit(live -> {
        List<String> finalizers = new ArrayList<>(live.getMetadata().getFinalizers());
        finalizers.remove(finalizer);
        if (present) {
          finalizers.add(finalizer);
        }
        live.getMetadata().setFinalizers(finalizers);
        return live;
      });
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      return false; // gone already (another finalizer was last)
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> Resource<T> byName(KubernetesClient client, T object) {
    var kind = client.resources((Class<T>) object.getClass());
    return object.getMetadata().getNamespace() == null ? kind.withName(object.getMetadata().getName())
        : kind.inNamespace(object.getMetadata().getNamespace()).withName(object.getMetadata().getName());
  }
}
