package io.dpf.dpuservice.clusters;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** Namespaces our objects go into, in any cluster. */
public final class Namespaces {

  private Namespaces() {}

  /**
   * Created when missing, never applied: a namespace carries nothing of ours to keep up to date,
   * and an apply that owns no field would be repeated on every reconcile.
   */
  public static void ensure(KubernetesClient client, String name) {
    if (client.namespaces().withName(name).get() != null) {
      return;
    }
    try {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }
}
