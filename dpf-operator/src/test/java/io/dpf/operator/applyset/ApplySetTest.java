package io.dpf.operator.applyset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplySetTest {

  @Test
  void idIsTheKepHashOfTheParentSecret() {
    // sha256("flannel-applyset.dpf-operator-system.Secret."), base64url without padding
    assertThat(ApplySet.id("flannel", "dpf-operator-system")).matches("applyset-[A-Za-z0-9_-]{43}-v1");
    assertThat(ApplySet.id("flannel", "ns-a")).isNotEqualTo(ApplySet.id("flannel", "ns-b"));
  }

  @Test
  void inventoryRoundTripsThroughTheParentAnnotation() {
    var cm = new ConfigMapBuilder().withNewMetadata().withName("a.b.c").withNamespace("ns").endMetadata().build();
    var role = new ClusterRoleBuilder().withNewMetadata().withName("r").endMetadata().build();
    Set<String> entries = ApplySet.entries(List.of(cm, role));
    assertThat(entries).containsExactly("ClusterRole.rbac.authorization.k8s.io/r.", "ConfigMap./a.b.c.ns");
    assertThat(ApplySet.inventory(ApplySet.parent("x", "ns", entries))).isEqualTo(entries);
    assertThat(ApplySet.Entry.parse("ConfigMap./a.b.c.ns")).isEqualTo(new ApplySet.Entry("ConfigMap", "", "a.b.c", "ns"));
    assertThat(ApplySet.Entry.parse("ClusterRole.rbac.authorization.k8s.io/r."))
        .isEqualTo(new ApplySet.Entry("ClusterRole", "rbac.authorization.k8s.io", "r", null));
  }
}
