package io.dpf.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalControlPlaneIT {

  static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
      .withGroup("testkit.dpf.io").withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true)
      .build();

  static LocalControlPlane host;

  @BeforeAll
  static void start() throws Exception {
    host = LocalControlPlane.start("host");
    host.installCrds(resource("widgets-crd.yaml"));
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  @Test
  void serverReportsTheRealKubernetesVersion() {
    assertThat(host.client().getKubernetesVersion().getGitVersion()).startsWith("v1.");
    assertThat(host.client().getKubernetesVersion().getGitVersion()).doesNotContain("v0.0.0");
  }

  @Test
  void customResourceCanBeCreatedWatchedPatchedAppliedAndItsStatusUpdated() {
    KubernetesClient client = host.client();
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch ignored = client.genericKubernetesResources(WIDGETS).inNamespace("default")
        .watch(new Watcher<>() {
          @Override public void eventReceived(Action action, GenericKubernetesResource r) {
            seen.add(action + ":" + r.getMetadata().getName());
          }
          @Override public void onClose(WatcherException cause) {}
        })) {
      GenericKubernetesResource widget = new GenericKubernetesResourceBuilder()
          .withApiVersion("testkit.dpf.io/v1").withKind("Widget")
          .withNewMetadata().withName("w1").withNamespace("default").endMetadata()
          .addToAdditionalProperties("spec", Map.of("size", 1))
          .build();
      client.genericKubernetesResources(WIDGETS).inNamespace("default").resource(widget).create();

      client.genericKubernetesResources(WIDGETS).inNamespace("default").withName("w1")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"size\":2}}");

      GenericKubernetesResource applied = new GenericKubernetesResourceBuilder()
          .withApiVersion("testkit.dpf.io/v1").withKind("Widget")
          .withNewMetadata().withName("w1").withNamespace("default").endMetadata()
          .addToAdditionalProperties("spec", Map.of("colour", "blue"))
          .build();
      client.genericKubernetesResources(WIDGETS).inNamespace("default").resource(applied)
          .fieldManager("testkit-it").forceConflicts().serverSideApply();

      GenericKubernetesResource current = client.genericKubernetesResources(WIDGETS).inNamespace("default")
          .withName("w1").get();
      current.setAdditionalProperty("status", Map.of("phase", "Ready"));
      client.genericKubernetesResources(WIDGETS).inNamespace("default").resource(current).updateStatus();

      GenericKubernetesResource after = client.genericKubernetesResources(WIDGETS).inNamespace("default")
          .withName("w1").get();
      assertThat(after.get("spec", "size").toString()).isEqualTo("2");
      assertThat((String) after.get("spec", "colour")).isEqualTo("blue");
      assertThat((String) after.get("status", "phase")).isEqualTo("Ready");
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(seen).contains("ADDED:w1", "MODIFIED:w1"));
    }
  }

  @Test
  void ownerReferenceGarbageCollectsDependents() {
    KubernetesClient client = host.client();
    ConfigMap owner = client.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("owner").endMetadata().build()).create();
    client.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
        .withNewMetadata().withName("dependent")
            .addNewOwnerReference().withApiVersion("v1").withKind("ConfigMap").withName("owner")
                .withUid(owner.getMetadata().getUid()).endOwnerReference()
        .endMetadata().build()).create();

    client.configMaps().inNamespace("default").withName("owner").delete();

    await().atMost(Duration.ofSeconds(60)).until(() ->
        client.configMaps().inNamespace("default").withName("dependent").get() == null);
  }

  @Test
  void deploymentBecomesAvailableOnASimulatedNode() {
    KubernetesClient client = host.client();
    host.addNode("worker-1", Map.of("node-role.kubernetes.io/worker", ""));
    Deployment deployment = new DeploymentBuilder()
        .withNewMetadata().withName("web").withNamespace("default").endMetadata()
        .withNewSpec().withReplicas(2)
            .withNewSelector().addToMatchLabels("app", "web").endSelector()
            .withNewTemplate()
                .withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
            .endTemplate()
        .endSpec().build();
    client.apps().deployments().resource(deployment).create();

    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace("default").withName("web").get();
      assertThat(d.getStatus()).isNotNull();
      assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
    });
    assertThat(client.pods().inNamespace("default").withLabel("app", "web").list().getItems())
        .allSatisfy(p -> {
          assertThat(p.getSpec().getNodeName()).isEqualTo("worker-1");
          assertThat(p.getStatus().getPhase()).isEqualTo("Running");
        });
  }

  @Test
  void twoClustersRunSideBySideAndStopWithoutLeavingProcesses() {
    List<Long> pids;
    try (LocalControlPlane dpu = LocalControlPlane.start("dpu")) {
      dpu.client().configMaps().inNamespace("default").resource(new ConfigMapBuilder()
          .withNewMetadata().withName("only-on-dpu").endMetadata().build()).create();
      assertThat(host.client().configMaps().inNamespace("default").withName("only-on-dpu").get()).isNull();
      assertThat(dpu.client().getMasterUrl()).isNotEqualTo(host.client().getMasterUrl());

      DpuClusters.register(host, "dpu-cplane-tenant1", "dpu-cplane-tenant1", dpu);
      String stored = new String(Base64.getDecoder().decode(host.client().secrets()
          .inNamespace("dpu-cplane-tenant1").withName("dpu-cplane-tenant1-admin-kubeconfig").get()
          .getData().get("admin.conf")));
      try (KubernetesClient fromSecret = new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(stored)).build()) {
        assertThat(fromSecret.configMaps().inNamespace("default").withName("only-on-dpu").get()).isNotNull();
      }
      pids = dpu.pids();
      assertThat(pids).hasSizeGreaterThanOrEqualTo(5);
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
  }

  static Path resource(String name) throws Exception {
    return Paths.get(LocalControlPlaneIT.class.getClassLoader().getResource(name).toURI());
  }
}
