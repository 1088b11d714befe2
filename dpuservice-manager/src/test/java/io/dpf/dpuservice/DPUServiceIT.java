package io.dpf.dpuservice;

import static io.dpf.dpuservice.DpuServiceFixture.ARGOCD_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.AnnotationKeys;
import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProject;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationDestination;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * DPUServices onto two real DPU clusters through the real Argo CD (local processes, see
 * {@link ArgoCdEnvironment}), in order: Applications synced and healthy, values changes, hand
 * edits healed, clusters removed, added and unreachable, pause, the host, scale and deletion.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DPUServiceIT {

  static final Duration WAIT = Duration.ofMinutes(2);
  static final String TENANT = "tenant-a";
  static final List<String> CLUSTERS = List.of("dpu-a", "dpu-b");

  static ArgoCdEnvironment env;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    env = ArgoCdEnvironment.start(Duration.ofSeconds(10));
    client = env.client();
    DpuServiceFixture.namespace(client, TENANT);
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  @Order(1)
  void dpuServiceBecomesOneApplicationPerDpuClusterWithItsArgoCdPrerequisites() {
    DPUService flannel = env.dpuService(TENANT, "flannel");
    // The chart's Deployment too: Argo CD's health then waits for a pod on the DPU cluster's node.
    flannel.getSpec().getHelmChart().setValues(client.getKubernetesSerialization()
        .convertValue(Map.of("image", Map.of("tag", "v1"), "deployment", true),
            JsonNode.class));
    client.resource(flannel).create();

    await().atMost(WAIT).untilAsserted(() -> {
      for (String cluster : CLUSTERS) {
        Application app = application(cluster + "-flannel");
        assertThat(app).as("Application of %s", cluster).isNotNull();
        assertThat(app.getMetadata().getLabels()).containsEntry(LabelKeys.CLUSTER, cluster)
            .containsEntry(LabelKeys.DPU_SERVICE_NAME, "flannel").containsEntry(LabelKeys.DPU_SERVICE_NAMESPACE, TENANT);
        assertThat(app.getMetadata().getFinalizers()).contains(Finalizers.ARGOCD_RESOURCES);
        assertThat(app.getSpec().getDestination().getName()).isEqualTo(cluster);
        assertThat(app.getSpec().getDestination().getNamespace()).isEqualTo(TENANT);
        assertThat(app.getSpec().getProject()).isEqualTo("doca-platform-project-dpu");
        assertThat(app.getSpec().getSource().getRepoURL()).isEqualTo(env.charts.url());
        assertThat(app.getSpec().getSource().getHelm().getValuesObject().at("/serviceDaemonSet/labels")
            .get(LabelKeys.SERVICE_ID).asText()).isEqualTo("flannel");
      }
    });
    for (String cluster : CLUSTERS) {
      Secret argoSecret = client.secrets().inNamespace(ARGOCD_NAMESPACE)
          .withName(DpuServiceFixture.clusterNamespace(cluster) + "-" + cluster).get();
      assertThat(argoSecret.getMetadata().getLabels()).containsEntry("argocd.argoproj.io/secret-type", "cluster");
      assertThat(argoSecret.getData()).containsKeys("name", "server", "config");
    }
    assertThat(env.dpuA.client().namespaces().withName(TENANT).get()).isNotNull();
    assertThat(env.dpuB.client().namespaces().withName(TENANT).get()).isNotNull();
    AppProject dpuProject = client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE)
        .withName("doca-platform-project-dpu").get();
    assertThat(dpuProject.getSpec().getDestinations()).extracting(ApplicationDestination::getName)
        .containsExactlyElementsOf(CLUSTERS);
    assertThat(client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE).withName("doca-platform-project-host").get())
        .isNotNull();
    assertThat(dpuServiceNamed(TENANT, "flannel").getMetadata().getFinalizers()).contains(Finalizers.DPU_SERVICE);
  }

  @Test
  @Order(2)
  void argoCdSyncsTheChartIntoEveryDpuCluster_andTheDpuServiceBecomesReady() {
    awaitReady(TENANT, "flannel");
    for (String cluster : CLUSTERS) {
      Application app = application(cluster + "-flannel");
      assertThat(app.getStatus().getSync().getStatus()).isEqualTo("Synced");
      assertThat(app.getStatus().getHealth().getStatus()).isEqualTo("Healthy");
      ConfigMap values = values(cluster, "flannel");
      assertThat(values.getData()).containsEntry("imageTag", "v1");
      assertThat(values.getMetadata().getLabels()).containsEntry(LabelKeys.SERVICE_ID, "flannel");
      assertThat(values.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/tracking-id",
          cluster + "-flannel:/ConfigMap:" + TENANT + "/" + cluster + "-flannel-values");
      assertThat(dpu(cluster).apps().deployments().inNamespace(TENANT).withName(cluster + "-flannel").get()
          .getStatus().getReadyReplicas()).isEqualTo(1);
    }
    DPUService service = dpuServiceNamed(TENANT, "flannel");
    assertThat(service.getStatus().getObservedGeneration()).isEqualTo(service.getMetadata().getGeneration());
    System.out.printf("%n[figure] Argo CD RSS (kB) with 2 Applications on 2 DPU clusters: %s%n",
        env.argoCd.residentKilobytes());
  }

  @Test
  @Order(3)
  void pullSecretsAreCopiedUpdatedAndRemovedInEveryDpuCluster() {
    client.secrets().inNamespace(TENANT).resource(DpuServiceFixture.pullSecret(TENANT, "registry-a", "{\"auths\":{}}")).create();
    await().atMost(WAIT).untilAsserted(() -> assertCopies("registry-a", "{\"auths\":{}}"));

    client.secrets().inNamespace(TENANT)
        .resource(DpuServiceFixture.pullSecret(TENANT, "registry-a", "{\"auths\":{\"r\":{}}}")).update();
    await().atMost(WAIT).untilAsserted(() -> assertCopies("registry-a", "{\"auths\":{\"r\":{}}}"));

    client.secrets().inNamespace(TENANT).resource(DpuServiceFixture.pullSecret(TENANT, "registry-b", "{}")).create();
    client.secrets().inNamespace(TENANT).withName("registry-a").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertCopies("registry-b", "{}");
      assertThat(env.dpuA.client().secrets().inNamespace(TENANT).withName("registry-a").get()).isNull();
      assertThat(env.dpuB.client().secrets().inNamespace(TENANT).withName("registry-a").get()).isNull();
    });
  }

  @Test
  @Order(4)
  void aValuesChangeReachesEveryDpuCluster_andAHandEditThereIsHealed() {
    client.resources(DPUService.class).inNamespace(TENANT).withName("flannel")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"helmChart\":{\"values\":{\"image\":{\"tag\":\"v2\"}}}}}");
    await().atMost(WAIT).untilAsserted(() -> CLUSTERS.forEach(cluster ->
        assertThat(values(cluster, "flannel").getData()).containsEntry("imageTag", "v2")));

    env.dpuA.client().configMaps().inNamespace(TENANT).withName("dpu-a-flannel-values")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"imageTag\":\"edited by hand\"}}");
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(values("dpu-a", "flannel").getData()).containsEntry("imageTag", "v2"));
    awaitReady(TENANT, "flannel");
  }

  @Test
  @Order(5)
  void removedDpuClusterLosesItsApplicationsAndObjects_andOneAddedGetsThemAndThePullSecrets() {
    client.resources(DPUCluster.class).inNamespace(DpuServiceFixture.clusterNamespace("dpu-b")).withName("dpu-b").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(application("dpu-b-flannel")).isNull();
      assertThat(client.secrets().inNamespace(ARGOCD_NAMESPACE).withName("dpu-cplane-dpu-b-dpu-b").get()).isNull();
      assertThat(client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE).withName("doca-platform-project-dpu")
          .get().getSpec().getDestinations()).extracting(ApplicationDestination::getName).containsExactly("dpu-a");
    });
    // Argo CD's resources finalizer removed what the Application had installed before letting it go.
    assertThat(values("dpu-b", "flannel")).isNull();
    assertThat(env.dpuB.client().apps().deployments().inNamespace(TENANT).withName("dpu-b-flannel").get()).isNull();
    assertThat(application("dpu-a-flannel")).isNotNull();
    env.dpuB.client().secrets().inNamespace(TENANT).withName("registry-b").delete();

    env.registerDpuB();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(application("dpu-b-flannel")).isNotNull();
      assertThat(env.dpuB.client().secrets().inNamespace(TENANT).withName("registry-b").get()).isNotNull();
    });
    awaitReady(TENANT, "flannel");
    assertThat(values("dpu-b", "flannel").getData()).containsEntry("imageTag", "v2");
  }

  @Test
  @Order(6)
  void anUnreachableDpuClusterIsNamedInTheDpuServiceConditions_andItRecovers() {
    env.dpuBLink.cut();
    try {
      await().atMost(WAIT).untilAsserted(() -> {
        Condition ready = condition(TENANT, "flannel", ConditionTypes.READY).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("False");
        Condition prereqs = condition(TENANT, "flannel", ConditionTypes.DPUService.APPLICATION_PREREQS_RECONCILED)
            .orElseThrow();
        assertThat(prereqs.getStatus()).isEqualTo("False");
        assertThat(prereqs.getMessage()).contains("DPU cluster dpu-b");
      });
      System.out.printf("%n[figure] conditions of a DPUService with DPU cluster dpu-b unreachable: %s%n",
          dpuServiceNamed(TENANT, "flannel").getStatus().getConditions().stream()
              .filter(c -> "False".equals(c.getStatus())).map(c -> c.getType() + ": " + c.getMessage()).toList());
    } finally {
      env.dpuBLink.restore();
    }
    awaitReady(TENANT, "flannel");
  }

  @Test
  @Order(7)
  void pausedDpuServiceMarksItsApplicationsToSkipArgoCdReconcile_andResumedOnesHealWhatChangedMeanwhile() {
    client.resources(DPUService.class).inNamespace(TENANT).withName("flannel")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
    await().atMost(WAIT).untilAsserted(() -> CLUSTERS.forEach(cluster ->
        assertThat(application(cluster + "-flannel").getMetadata().getAnnotations())
            .containsEntry(AnnotationKeys.ARGOCD_SKIP_RECONCILE, "true")));
    env.dpuA.client().configMaps().inNamespace(TENANT).withName("dpu-a-flannel-values")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"imageTag\":\"edited while paused\"}}");

    client.resources(DPUService.class).inNamespace(TENANT).withName("flannel")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":null}}");
    await().atMost(WAIT).untilAsserted(() -> CLUSTERS.forEach(cluster -> {
      Application app = application(cluster + "-flannel");
      assertThat(app.getMetadata().getAnnotations()).doesNotContainKey(AnnotationKeys.ARGOCD_SKIP_RECONCILE);
      assertThat(app.getSpec().getSource().getChart()).as("spec kept while paused and resumed")
          .isEqualTo(ArgoCdEnvironment.CHART);
    }));
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(values("dpu-a", "flannel").getData()).containsEntry("imageTag", "v2"));
  }

  @Test
  @Order(8)
  void deployInClusterMakesOneApplicationThatArgoCdSyncsIntoTheHost() {
    DPUService hostService = env.dpuService("tenant-host", "host-agent");
    hostService.getSpec().setDeployInCluster(true);
    DpuServiceFixture.namespace(client, "tenant-host");
    client.resource(hostService).create();

    awaitReady("tenant-host", "host-agent");
    Application app = application("in-cluster-host-agent");
    assertThat(app.getSpec().getDestination().getName()).isEqualTo("in-cluster");
    assertThat(app.getSpec().getProject()).isEqualTo("doca-platform-project-host");
    assertThat(client.configMaps().inNamespace("tenant-host").withName("in-cluster-host-agent-values").get())
        .isNotNull();
    assertThat(application("dpu-a-host-agent")).isNull();

    client.resource(hostService).delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(dpuServiceNamed("tenant-host", "host-agent")).isNull();
      assertThat(application("in-cluster-host-agent")).isNull();
      assertThat(client.configMaps().inNamespace("tenant-host").withName("in-cluster-host-agent-values").get())
          .isNull();
    });
  }

  @Test
  @Order(9)
  void anUnchangedWorldMakesNoWritesAndNoReads_whileArgoCdKeepsRefreshing() throws InterruptedException {
    // Argo CD patches every Application each resync (10 s here); none of that concerns the DPUService.
    int services = Integer.getInteger("dpuservice.it.scale", 20);
    int writesBefore = env.writes.count();
    DpuServiceFixture.namespace(client, "scale");
    for (int i = 0; i < services; i++) {
      client.resource(env.dpuService("scale", "svc-" + i)).create();
    }
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(readyServices("scale")).isEqualTo(services));
    int writesToReady = env.writes.count() - writesBefore;
    List<String> idleWrites = DpuServiceFixture.writesWhileNothingChanges(env.writes, Duration.ofSeconds(20));
    int readsBefore = env.writes.readCount();
    Thread.sleep(Duration.ofSeconds(15).toMillis()); // a measurement window longer than one resync
    List<String> idleReads = env.writes.readsSince(readsBefore);
    System.out.printf("%n[figures] %d DPUServices x %d DPU clusters on the real Argo CD: Ready with %d writes; "
        + "%d writes in 20 s and %d reads in 15 s of an unchanged world%n", services, CLUSTERS.size(),
        writesToReady, idleWrites.size(), idleReads.size());
    assertThat(idleWrites).as("writes by the manager over 20 s of nothing changing").isEmpty();
    assertThat(idleReads).as("reads by the manager over 15 s of nothing changing").isEmpty();
  }

  @Test
  @Order(10)
  void deletingTheNamespacesLastDpuServiceWaitsForArgoCdToRemoveItsObjects_thenRemovesThePullSecrets() {
    // dpu-b unreachable: Argo CD cannot delete what it installed there, so the Application stays.
    env.dpuBLink.cut();
    try {
      client.resources(DPUService.class).inNamespace(TENANT).withName("flannel").delete();
      await().atMost(WAIT).untilAsserted(() -> {
        Condition reconciled = condition(TENANT, "flannel", ConditionTypes.DPUService.APPLICATIONS_RECONCILED)
            .orElseThrow();
        assertThat(reconciled.getReason()).isEqualTo("AwaitingDeletion");
        assertThat(reconciled.getMessage()).contains("dpu-b-flannel");
        assertThat(application("dpu-a-flannel")).isNull();
        assertThat(values("dpu-a", "flannel")).as("gone from the reachable cluster").isNull();
      });
      assertThat(env.dpuA.client().secrets().inNamespace(TENANT).withName("registry-b").get())
          .as("pull secrets stay while the DPUService waits").isNotNull();
    } finally {
      env.dpuBLink.restore();
    }
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpuServiceNamed(TENANT, "flannel")).isNull());
    assertThat(values("dpu-b", "flannel")).isNull();
    assertThat(client.resources(Application.class).inNamespace(ARGOCD_NAMESPACE)
        .withLabel(LabelKeys.DPU_SERVICE_NAMESPACE, TENANT).list().getItems()).isEmpty();
    assertThat(env.dpuA.client().secrets().inNamespace(TENANT).withName("registry-b").get()).isNull();
    assertThat(env.dpuB.client().secrets().inNamespace(TENANT).withName("registry-b").get()).isNull();
  }

  static void awaitReady(String namespace, String name) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(condition(namespace, name, ConditionTypes.READY))
        .hasValueSatisfying(c -> assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True")));
  }

  static long readyServices(String namespace) {
    return client.resources(DPUService.class).inNamespace(namespace).list().getItems().stream()
        .filter(s -> s.getStatus() != null && s.getStatus().getConditions() != null && s.getStatus().getConditions()
            .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .count();
  }

  static KubernetesClient dpu(String cluster) {
    return ("dpu-a".equals(cluster) ? env.dpuA : env.dpuB).client();
  }

  /** The chart's ConfigMap {@code <application>-values}: what Argo CD rendered with the manager's values. */
  static ConfigMap values(String cluster, String service) {
    return dpu(cluster).configMaps().inNamespace(TENANT).withName(cluster + "-" + service + "-values").get();
  }

  static Application application(String name) {
    return client.resources(Application.class).inNamespace(ARGOCD_NAMESPACE).withName(name).get();
  }

  static DPUService dpuServiceNamed(String namespace, String name) {
    return client.resources(DPUService.class).inNamespace(namespace).withName(name).get();
  }

  static Optional<Condition> condition(String namespace, String name, String type) {
    DPUService service = dpuServiceNamed(namespace, name);
    if (service == null || service.getStatus() == null || service.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return service.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  static void assertCopies(String name, String dockerConfig) {
    for (LocalControlPlane cluster : List.of(env.dpuA, env.dpuB)) {
      Secret copy = cluster.client().secrets().inNamespace(TENANT).withName(name).get();
      assertThat(copy).as("%s in %s", name, cluster.name()).isNotNull();
      assertThat(copy.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
      assertThat(new String(Base64.getDecoder().decode(copy.getData().get(".dockerconfigjson"))))
          .isEqualTo(dockerConfig);
    }
  }
}
