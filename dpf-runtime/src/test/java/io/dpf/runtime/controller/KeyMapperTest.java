package io.dpf.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class KeyMapperTest {

  @Test
  void ownerReferencesOfTheOwnerKindBecomeKeysInTheObjectsNamespace() {
    ConfigMap child = new ConfigMapBuilder().withNewMetadata().withNamespace("ns").withName("child")
        .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("web").endOwnerReference()
        .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("other").endOwnerReference()
        .endMetadata().build();

    assertThat(KeyMapper.<ConfigMap>ownedBy(Deployment.class).keysFor(child))
        .containsExactly(new ResourceKey("ns", "web"));
    assertThat(KeyMapper.<ConfigMap>ownedBy(ConfigMap.class).keysFor(child))
        .containsExactly(new ResourceKey("ns", "other"));
  }

  @Test
  void labelsNameAPrimaryInAnotherCluster() {
    ConfigMap copy = new ConfigMapBuilder().withNewMetadata().withNamespace("dpu-ns").withName("x")
        .addToLabels("dpf.io/owner-namespace", "host-ns").addToLabels("dpf.io/owner-name", "svc")
        .endMetadata().build();
    ConfigMap unrelated = new ConfigMapBuilder().withNewMetadata().withName("y").endMetadata().build();

    KeyMapper<ConfigMap> mapper = KeyMapper.fromLabels("dpf.io/owner-namespace", "dpf.io/owner-name");
    assertThat(mapper.keysFor(copy)).containsExactly(new ResourceKey("host-ns", "svc"));
    assertThat(mapper.keysFor(unrelated)).isEmpty();
    assertThat(new ResourceKey("host-ns", "svc")).hasToString("host-ns/svc");
    assertThat(new ResourceKey(null, "node-1")).hasToString("node-1");
  }
}
