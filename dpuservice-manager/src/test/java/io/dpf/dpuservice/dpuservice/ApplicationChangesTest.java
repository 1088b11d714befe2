package io.dpf.dpuservice.dpuservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class ApplicationChangesTest {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  /** An Application as Argo CD leaves it after an automated sync, with its top-level operation. */
  static Application live(String reconciledAt, String health) {
    return JSON.unmarshal("""
        {"apiVersion": "argoproj.io/v1alpha1", "kind": "Application",
         "metadata": {"name": "dpu-a-x", "namespace": "argo", "labels": {"dpu.nvidia.com/cluster": "dpu-a"}},
         "operation": {"sync": {"revision": "0.1.0"}, "initiatedBy": {"automated": true}},
         "spec": {"project": "p", "destination": {"name": "dpu-a", "namespace": "t"}},
         "status": {"reconciledAt": "%s", "sync": {"status": "Synced"}, "health": {"status": "%s"},
                    "operationState": {"phase": "Succeeded"}}}
        """.formatted(reconciledAt, health), Application.class);
  }

  @Test
  void argoCdsResyncBookkeepingAloneDoesNotMatter_aHealthChangeDoes() {
    Application before = live("2026-12-02T17:00:00Z", "Healthy");

    assertThat(before.getOperation().at("/initiatedBy/automated").asBoolean()).as("operation is read").isTrue();
    assertThat(ApplicationChanges.matter(before, live("2026-12-02T17:00:10Z", "Healthy"))).isFalse();
    assertThat(ApplicationChanges.matter(before, live("2026-12-02T17:00:10Z", "Degraded"))).isTrue();
  }

  @Test
  void aSpecOrLabelChangeMatters() {
    Application before = live("t", "Healthy");
    Application relabelled = live("t", "Healthy");
    relabelled.getMetadata().getLabels().put("extra", "1");
    Application moved = live("t", "Healthy");
    moved.getSpec().getDestination().setNamespace("elsewhere");

    assertThat(ApplicationChanges.matter(before, relabelled)).isTrue();
    assertThat(ApplicationChanges.matter(before, moved)).isTrue();
  }
}
