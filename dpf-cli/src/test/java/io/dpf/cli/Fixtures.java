package io.dpf.cli;

import io.dpf.cli.read.Kind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/** Writes fixture objects to a real API server: each created, then its status written as its controller would. */
final class Fixtures {

  private Fixtures() {
  }

  static void create(KubernetesClient client, List<GenericKubernetesResource> objects) {
    for (GenericKubernetesResource object : objects) {
      Kind kind = Fleet.byKind(List.of(object)).keySet().iterator().next();
      String namespace = object.getMetadata().getNamespace();
      if (namespace != null) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
            .build()).serverSideApply();
      }
      var resources = client.genericKubernetesResources(kind.context());
      var scoped = namespace == null ? resources.resource(object) : resources.inNamespace(namespace).resource(object);
      GenericKubernetesResource created = scoped.create();
      Object status = object.getAdditionalProperties().get("status");
      if (status instanceof Map<?, ?>) {
        created.setAdditionalProperty("status", status);
        (namespace == null ? resources.resource(created) : resources.inNamespace(namespace).resource(created))
            .updateStatus();
      }
    }
  }
}
