package io.dpf.runtime.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one finalizer rule of every reconciler (controller-runtime's controllerutil, cluster-api's
 * finalizers util): decide on the cached copy and write only when something changes; the write is a
 * patch of exactly that copy (no read) or, if the object changed since it was cached, an edit of the
 * live object read by name, so a status write since the cached copy was taken causes no retry.
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
      if (patchIfUnchanged(client, object, finalizer, present)) {
        return true;
      }
      byName(client, object).edit(live -> {
        live.getMetadata().setFinalizers(changed(live.getMetadata().getFinalizers(), finalizer, present));
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

  /**
   * The write without a read: a JSON patch that first tests the resourceVersion of the copy we
   * decided on, so it applies only to exactly that object. False when the object changed since
   * (the server refuses the test): then the live object is read and edited.
   */
  private static <T extends HasMetadata> boolean patchIfUnchanged(KubernetesClient client, T object, String finalizer,
      boolean present) {
    String resourceVersion = object.getMetadata().getResourceVersion();
    if (resourceVersion == null) {
      return false;
    }
    List<Map<String, Object>> patch = List.of(
        Map.of("op", "test", "path", "/metadata/resourceVersion", "value", resourceVersion),
        Map.of("op", "add", "path", "/metadata/finalizers",
            "value", changed(object.getMetadata().getFinalizers(), finalizer, present)));
    try {
      // On the object itself: patched by name, fabric8 would read it first.
      client.resource(object).patch(PatchContext.of(PatchType.JSON), client.getKubernetesSerialization().asJson(patch));
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 || e.getCode() == 422) {
        return false;
      }
      throw e;
    }
  }

  private static List<String> changed(List<String> finalizers, String finalizer, boolean present) {
    List<String> result = new ArrayList<>(finalizers == null ? List.of() : finalizers);
    result.remove(finalizer);
    if (present) {
      result.add(finalizer);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> Resource<T> byName(KubernetesClient client, T object) {
    var kind = client.resources((Class<T>) object.getClass());
    return object.getMetadata().getNamespace() == null ? kind.withName(object.getMetadata().getName())
        : kind.inNamespace(object.getMetadata().getNamespace()).withName(object.getMetadata().getName());
  }
}
