package io.dpf.dpuservice.clusters;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds or removes one finalizer on the live object (read fresh, then patched), so a status write
 * that happened since the cached copy was taken causes no conflict and no retry.
 */
public final class FinalizerEdits {

  private FinalizerEdits() {}

  public static <T extends HasMetadata> void add(KubernetesClient client, T object, String finalizer) {
    edit(client, object, finalizer, true);
  }

  public static <T extends HasMetadata> void remove(KubernetesClient client, T object, String finalizer) {
    edit(client, object, finalizer, false);
  }

  @SuppressWarnings("unchecked")
  private static <T extends HasMetadata> void edit(KubernetesClient client, T object, String finalizer, boolean present) {
    try {
      client.resources((Class<T>) object.getClass()).inNamespace(object.getMetadata().getNamespace())
          .withName(object.getMetadata().getName()).edit(live -> {
            List<String> finalizers = new ArrayList<>(live.getMetadata().getFinalizers());
            finalizers.remove(finalizer);
            if (present) {
              finalizers.add(finalizer);
            }
            live.getMetadata().setFinalizers(finalizers);
            return live;
          });
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      // Gone already (another finalizer was last): nothing left to add to or remove from.
    }
  }
}
