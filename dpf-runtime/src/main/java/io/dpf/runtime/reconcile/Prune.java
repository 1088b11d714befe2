package io.dpf.runtime.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one prune rule: of the children a reconciler found (from its cache or a list), those no longer
 * desired are deleted, once (one already being deleted is left to its finalizers), and what still
 * exists is reported so deletion can wait for it.
 */
public final class Prune {

  private Prune() {}

  /**
   * Deletes every object in {@code found} that {@code keep} rejects.
   *
   * @return "Kind name" of the rejected objects that still exist (being deleted), for a condition message
   */
  public static List<String> deleteAllBut(KubernetesClient client, Collection<? extends HasMetadata> found,
      Predicate<HasMetadata> keep) {
    List<String> remaining = new ArrayList<>();
    for (HasMetadata object : found) {
      if (keep.test(object)) {
        continue;
      }
      remaining.add(object.getKind() + " " + object.getMetadata().getName());
      if (object.getMetadata().getDeletionTimestamp() == null) {
        try {
          client.resource(object).delete();
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404) {
            throw e;
          }
        }
      }
    }
    return remaining;
  }

  /** Deletes all of {@code found}; returns what still exists. */
  public static List<String> deleteAll(KubernetesClient client, Collection<? extends HasMetadata> found) {
    return deleteAllBut(client, found, object -> false);
  }
}
