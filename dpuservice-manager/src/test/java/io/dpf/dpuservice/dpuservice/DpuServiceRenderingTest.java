package io.dpf.dpuservice.dpuservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.ServiceDef;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.HealthStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.SyncStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Applications and values a DPUService renders to, without a cluster. */
class DpuServiceRenderingTest {

  static DPUService service(String yaml) {
    return Json.SERIALIZATION.unmarshal(yaml, DPUService.class);
  }

  static final String FLANNEL = """
      apiVersion: svc.dpu.nvidia.com/v1alpha1
      kind: DPUService
      metadata: {name: flannel, namespace: dpf-operator-system}
      spec:
        serviceID: flannel-svc
        helmChart:
          source: {repoURL: "oci://ghcr.io/nvidia", chart: flannel, version: "0.1.0", releaseName: flannel-rel}
          values:
            image: {tag: v1}
            serviceDaemonSet: {labels: {team: net}}
        serviceDaemonSet:
          labels: {team: dpf, tier: system}
          annotations: {a: b}
      """;

  @Test
  void applicationPerDpuClusterCarriesChartLabelsFinalizerAndAutomatedSync() {
    Application app = DpuServiceApplications.application(service(FLANNEL), ArgoCdTarget.dpuCluster("dpu-a"),
        "argocd-ns", null);

    assertThat(app.getMetadata().getName()).isEqualTo("dpu-a-flannel");
    assertThat(app.getMetadata().getNamespace()).isEqualTo("argocd-ns");
    assertThat(app.getMetadata().getLabels()).containsEntry(LabelKeys.CLUSTER, "dpu-a")
        .containsEntry(LabelKeys.DPU_SERVICE_NAME, "flannel")
        .containsEntry(LabelKeys.DPU_SERVICE_NAMESPACE, "dpf-operator-system")
        .containsEntry(LabelKeys.COMPONENT, "dpuservice-manager");
    assertThat(app.getMetadata().getFinalizers()).containsExactly(Finalizers.ARGOCD_RESOURCES);
    assertThat(app.getSpec().getProject()).isEqualTo("doca-platform-project-dpu");
    assertThat(app.getSpec().getSource().getRepoURL()).isEqualTo("ghcr.io/nvidia");
    assertThat(app.getSpec().getSource().getChart()).isEqualTo("flannel");
    assertThat(app.getSpec().getSource().getTargetRevision()).isEqualTo("0.1.0");
    assertThat(app.getSpec().getSource().getHelm().getReleaseName()).isEqualTo("flannel-rel");
    assertThat(app.getSpec().getDestination().getName()).isEqualTo("dpu-a");
    assertThat(app.getSpec().getDestination().getNamespace()).isEqualTo("dpf-operator-system");
    assertThat(app.getSpec().getSyncPolicy().getAutomated().getPrune()).isTrue();
    assertThat(app.getSpec().getSyncPolicy().getAutomated().getSelfHeal()).isTrue();
  }

  @Test
  void deployInClusterTargetsTheHostThroughTheHostProject() {
    Application app = DpuServiceApplications.application(service(FLANNEL), ArgoCdTarget.hostCluster(), "ns", null);

    assertThat(app.getMetadata().getName()).isEqualTo("in-cluster-flannel");
    assertThat(app.getSpec().getDestination().getName()).isEqualTo("in-cluster");
    assertThat(app.getSpec().getProject()).isEqualTo("doca-platform-project-host");
  }

  @Test
  void valuesAreServiceDaemonSetWithServiceLabelMergedWithUserValuesWhichWin() {
    JsonNode values = HelmValues.of(service(FLANNEL), "[{\"name\":\"net\"}]");

    assertThat(values.at("/image/tag").asText()).isEqualTo("v1");
    assertThat(values.at("/serviceDaemonSet/labels/team").asText()).isEqualTo("net");
    assertThat(values.at("/serviceDaemonSet/labels/tier").asText()).isEqualTo("system");
    assertThat(values.at("/serviceDaemonSet/labels").get(LabelKeys.SERVICE_ID).asText()).isEqualTo("flannel-svc");
    assertThat(values.at("/serviceDaemonSet/annotations/a").asText()).isEqualTo("b");
    assertThat(values.at("/serviceDaemonSet/annotations").get("k8s.v1.cni.cncf.io/networks").asText())
        .isEqualTo("[{\"name\":\"net\"}]");
  }

  @Test
  void pauseMarkHoldsOnlyTheSkipAnnotation() {
    Application paused = DpuServiceApplications.pauseMark("a", "ns", true);
    Application resumed = DpuServiceApplications.pauseMark("a", "ns", false);

    assertThat(paused.getMetadata().getAnnotations()).containsExactly(Map.entry("argocd.argoproj.io/skip-reconcile", "true"));
    assertThat(paused.getSpec()).isNull();
    assertThat(resumed.getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void readinessNamesEveryApplicationThatIsMissingOrNotSyncedAndHealthy() {
    Application ready = withStatus("dpu-a-x", "Synced", "Healthy");
    Application progressing = withStatus("dpu-b-x", "OutOfSync", "Progressing");

    List<String> problems = ApplicationReadiness.notReady(List.of("dpu-a-x", "dpu-b-x", "dpu-c-x"),
        Map.of("dpu-a-x", ready, "dpu-b-x", progressing), "argo");

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("dpu-b-x").contains("Sync: OutOfSync, Health: Progressing")
        .contains("kubectl describe application -n argo dpu-b-x");
    assertThat(problems.get(1)).isEqualTo("Application dpu-c-x is not yet deployed.");
    assertThat(ApplicationReadiness.notReady(List.of("dpu-a-x"), Map.of("dpu-a-x", ready), "argo")).isEmpty();
  }

  @Test
  void readinessRepeatsWhatArgoCdSaysWentWrong_soAnUnreachableClusterIsNamed() {
    Application unknown = withStatus("dpu-b-x", "Unknown", "Healthy");
    unknown.getStatus().additionalProperties().put("conditions", List.of(Map.of("type", "ComparisonError",
        "message", "failed to sync cluster https://127.0.0.1:6443: connection refused")));

    List<String> problems = ApplicationReadiness.notReady(List.of("dpu-b-x"), Map.of("dpu-b-x", unknown), "argo");

    assertThat(problems).singleElement().asString().contains("Sync: Unknown")
        .contains("ComparisonError: failed to sync cluster https://127.0.0.1:6443: connection refused");
  }

  @Test
  void multusSelectionSplitsNamespacedNetworks() {
    ServiceDef def = new ServiceDef();
    def.setNetwork("tenant/mybrsfc");
    def.setInterfaceName("net1");
    assertThat(ServiceInterfaces.networkSelection(def))
        .containsExactly(Map.entry("name", "mybrsfc"), Map.entry("namespace", "tenant"), Map.entry("interface", "net1"));
    def.setNetwork("mybrsfc");
    assertThat(ServiceInterfaces.networkSelection(def)).containsEntry("name", "mybrsfc").doesNotContainKey("namespace");
  }

  @Test
  void deepMergeKeepsNestedKeysAndReplacesScalarsAndLists() {
    ObjectNode base = (ObjectNode) Json.tree(Map.of("a", Map.of("b", 1, "c", List.of(1, 2)), "d", "x"));
    HelmValues.merge(base, (ObjectNode) Json.tree(Map.of("a", Map.of("c", List.of(3)), "d", "y")));

    assertThat(base.at("/a/b").asInt()).isEqualTo(1);
    assertThat(base.at("/a/c").size()).isEqualTo(1);
    assertThat(base.at("/d").asText()).isEqualTo("y");
  }

  private static Application withStatus(String name, String sync, String health) {
    Application app = new Application();
    app.getMetadata().setName(name);
    ApplicationStatus status = new ApplicationStatus();
    SyncStatus syncStatus = new SyncStatus();
    syncStatus.setStatus(sync);
    HealthStatus healthStatus = new HealthStatus();
    healthStatus.setStatus(health);
    status.setSync(syncStatus);
    status.setHealth(healthStatus);
    app.setStatus(status);
    return app;
  }
}
