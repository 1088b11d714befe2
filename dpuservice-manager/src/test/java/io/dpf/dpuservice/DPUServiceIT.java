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
import org.junit.jupiter.api.Test;

/**
 * DPUServices onto two real DPU clusters through the real Argo CD (local processes, see
 * {@link ArgoCdEnvironment}): Applications synced and healthy, values changes, hand edits healed,
 * clusters removed, added and unreachable, pause, the host, scale and deletion. The environment is
 * shared; each test has a namespace and DPUService of its own and leaves the DPU clusters as it
 * found them, so any one runs alone or in any order.
 */
class DPUServiceIT {

  static final Duration WAIT = Duration.ofMinutes(2);
  static final List<String> CLUSTERS = List.of("dpu-a", "dpu-b");

  static ArgoCdEnvironment env;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    env = ArgoCdEnvironment.start(Duration.ofSeconds(10));
    client = env.client();
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void dpuServiceBecomesOneApplicationPerDpuClusterWithItsArgoCdPrerequisites() {
    String tenant = tenant("apps");
    client.resource(env.dpuService(tenant, "apps")).create();

    await().atMost(WAIT).untilAsserted(() -> {
      for (String cluster : CLUSTERS) {
        Application app = application(cluster + "-apps");
        assertThat(app).as("Application of %s", cluster).isNotNull();
        assertThat(app.getMetadata().getLabels()).containsEntry(LabelKeys.CLUSTER, cluster)
            .containsEntry(LabelKeys.DPU_SERVICE_NAME, "apps").containsEntry(LabelKeys.DPU_SERVICE_NAMESPACE, tenant);
        assertThat(app.getMetadata().getFinalizers()).contains(Finalizers.ARGOCD_RESOURCES);
        assertThat(app.getSpec().getDestination().getName()).isEqualTo(cluster);
        assertThat(app.getSpec().getDestination().getNamespace()).isEqualTo(tenant);
        assertThat(app.getSpec().getProject()).isEqualTo("doca-platform-project-dpu");
        assertThat(app.getSpec().getSource().getRepoURL()).isEqualTo(env.charts.url());
        assertThat(app.getSpec().getSource().getHelm().getValuesObject().at("/serviceDaemonSet/labels")
            .get(LabelKeys.SERVICE_ID).asText()).isEqualTo("apps");
      }
    });
    for (String cluster : CLUSTERS) {
      Secret argoSecret = client.secrets().inNamespace(ARGOCD_NAMESPACE)
          .withName(DpuServiceFixture.clusterNamespace(cluster) + "-" + cluster).get();
      assertThat(argoSecret.getMetadata().getLabels()).containsEntry("argocd.argoproj.io/secret-type", "cluster");
      assertThat(argoSecret.getData()).containsKeys("name", "server", "config");
      assertThat(dpu(cluster).namespaces().withName(tenant).get()).isNotNull();
    }
    AppProject dpuProject = client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE)
        .withName("doca-platform-project-dpu").get();
    assertThat(dpuProject.getSpec().getDestinations()).extracting(ApplicationDestination::getName)
        .containsExactlyElementsOf(CLUSTERS);
    assertThat(client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE).withName("doca-platform-project-host").get())
        .isNotNull();
    assertThat(dpuServiceNamed(tenant, "apps").getMetadata().getFinalizers()).contains(Finalizers.DPU_SERVICE);
  }

  @Test
  void argoCdSyncsTheChartIntoEveryDpuCluster_andTheDpuServiceBecomesReady() {
    String tenant = tenant("synced");
    DPUService synced = env.dpuService(tenant, "synced");
    // The chart's Deployment too: Argo CD's health then waits for a pod on the DPU cluster's node.
    synced.getSpec().getHelmChart().setValues(client.getKubernetesSerialization()
        .convertValue(Map.of("image", Map.of("tag", "v1"), "deployment", true), JsonNode.class));
    client.resource(synced).create();

    awaitReady(tenant, "synced");
    for (String cluster : CLUSTERS) {
      Application app = application(cluster + "-synced");
      assertThat(app.getStatus().getSync().getStatus()).isEqualTo("Synced");
      assertThat(app.getStatus().getHealth().getStatus()).isEqualTo("Healthy");
      ConfigMap values = values(cluster, tenant, "synced");
      assertThat(values.getData()).containsEntry("imageTag", "v1");
      assertThat(values.getMetadata().getLabels()).containsEntry(LabelKeys.SERVICE_ID, "synced");
      assertThat(values.getMetadata().getAnnotations()).containsEntry("argocd.argoproj.io/tracking-id",
          cluster + "-synced:/ConfigMap:" + tenant + "/" + cluster + "-synced-values");
      assertThat(dpu(cluster).apps().deployments().inNamespace(tenant).withName(cluster + "-synced").get()
          .getStatus().getReadyReplicas()).isEqualTo(1);
    }
    DPUService service = dpuServiceNamed(tenant, "synced");
    assertThat(service.getStatus().getObservedGeneration()).isEqualTo(service.getMetadata().getGeneration());
    System.out.printf("%n[figure] Argo CD RSS (kB) with its Applications on 2 DPU clusters: %s%n",
        env.argoCd.residentKilobytes());
  }

  @Test
  void pullSecretsAreCopiedUpdatedAndRemovedInEveryDpuCluster_andACopyDeletedThereComesBack() {
    String tenant = readyService("pull");
    client.secrets().inNamespace(tenant).resource(DpuServiceFixture.pullSecret(tenant, "registry-a", "{\"auths\":{}}")).create();
    await().atMost(WAIT).untilAsserted(() -> assertCopies(tenant, "registry-a", "{\"auths\":{}}"));

    client.secrets().inNamespace(tenant)
        .resource(DpuServiceFixture.pullSecret(tenant, "registry-a", "{\"auths\":{\"r\":{}}}")).update();
    await().atMost(WAIT).untilAsserted(() -> assertCopies(tenant, "registry-a", "{\"auths\":{\"r\":{}}}"));

    client.secrets().inNamespace(tenant).resource(DpuServiceFixture.pullSecret(tenant, "registry-b", "{}")).create();
    client.secrets().inNamespace(tenant).withName("registry-a").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertCopies(tenant, "registry-b", "{}");
      for (String cluster : CLUSTERS) {
        assertThat(dpu(cluster).secrets().inNamespace(tenant).withName("registry-a").get()).isNull();
      }
    });

    // Nothing on the host changes: the DPU cluster's watch of the copies wakes the DPUService.
    dpu(CLUSTERS.get(0)).secrets().inNamespace(tenant).withName("registry-b").delete();
    await().atMost(WAIT).untilAsserted(() -> assertCopies(tenant, "registry-b", "{}"));
  }

  @Test
  void aValuesChangeReachesEveryDpuCluster_andAHandEditThereIsHealed() {
    String tenant = readyService("values");
    client.resources(DPUService.class).inNamespace(tenant).withName("values")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"helmChart\":{\"values\":{\"image\":{\"tag\":\"v2\"}}}}}");
    await().atMost(WAIT).untilAsserted(() -> CLUSTERS.forEach(cluster ->
        assertThat(values(cluster, tenant, "values")).isNotNull().satisfies(v ->
            assertThat(v.getData()).containsEntry("imageTag", "v2"))));

    env.dpuA.client().configMaps().inNamespace(tenant).withName("dpu-a-values-values")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"imageTag\":\"edited by hand\"}}");
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(values("dpu-a", tenant, "values").getData()).containsEntry("imageTag", "v2"));
    awaitReady(tenant, "values");
  }

  @Test
  void removedDpuClusterLosesItsApplicationsAndObjects_andOneAddedGetsThemAndThePullSecrets() {
    String tenant = readyService("moved");
    client.secrets().inNamespace(tenant).resource(DpuServiceFixture.pullSecret(tenant, "registry-m", "{}")).create();
    await().atMost(WAIT).untilAsserted(() -> assertCopies(tenant, "registry-m", "{}"));
    try {
      client.resources(DPUCluster.class).inNamespace(DpuServiceFixture.clusterNamespace("dpu-b")).withName("dpu-b").delete();
      await().atMost(WAIT).untilAsserted(() -> {
        assertThat(application("dpu-b-moved")).isNull();
        assertThat(client.secrets().inNamespace(ARGOCD_NAMESPACE).withName("dpu-cplane-dpu-b-dpu-b").get()).isNull();
        assertThat(client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE).withName("doca-platform-project-dpu")
            .get().getSpec().getDestinations()).extracting(ApplicationDestination::getName).containsExactly("dpu-a");
      });
      // Argo CD's resources finalizer removed what the Application had installed before letting it go.
      assertThat(values("dpu-b", tenant, "moved")).isNull();
      assertThat(application("dpu-a-moved")).isNotNull();
      env.dpuB.client().secrets().inNamespace(tenant).withName("registry-m").delete();
    } finally {
      env.registerDpuB();
    }
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(application("dpu-b-moved")).isNotNull();
      assertThat(env.dpuB.client().secrets().inNamespace(tenant).withName("registry-m").get()).isNotNull();
    });
    awaitReady(tenant, "moved");
    assertThat(values("dpu-b", tenant, "moved").getData()).containsEntry("imageTag", "v1");
  }

  @Test
  void anUnreachableDpuClusterIsNamedInTheDpuServiceConditions_andItRecovers() {
    String tenant = readyService("cut");
    env.dpuBLink.cut();
    try {
      await().atMost(WAIT).untilAsserted(() -> {
        Condition ready = condition(tenant, "cut", ConditionTypes.READY).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("False");
        Condition prereqs = condition(tenant, "cut", ConditionTypes.DPUService.APPLICATION_PREREQS_RECONCILED)
            .orElseThrow();
        assertThat(prereqs.getStatus()).isEqualTo("False");
        assertThat(prereqs.getMessage()).contains("DPU cluster dpu-b");
      });
      System.out.printf("%n[figure] conditions of a DPUService with DPU cluster dpu-b unreachable: %s%n",
          dpuServiceNamed(tenant, "cut").getStatus().getConditions().stream()
              .filter(c -> "False".equals(c.getStatus())).map(c -> c.getType() + ": " + c.getMessage()).toList());
      assertThat(application("dpu-b-cut")).as("kept while its cluster cannot be reached").isNotNull();
    } finally {
      env.dpuBLink.restore();
    }
    awaitReady(tenant, "cut");
  }

  @Test
  void pausedDpuServiceMarksItsApplicationsToSkipArgoCdReconcile_andResumedOnesHealWhatChangedMeanwhile() {
    String tenant = readyService("paused");
    client.resources(DPUService.class).inNamespace(tenant).withName("paused")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
    await().atMost(WAIT).untilAsserted(() -> CLUSTERS.forEach(cluster ->
        assertThat(application(cluster + "-paused").getMetadata().getAnnotations())
            .containsEntry(AnnotationKeys.ARGOCD_SKIP_RECONCILE, "true")));
    env.dpuA.client().configMaps().inNamespace(tenant).withName("dpu-a-paused-values")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"imageTag\":\"edited while paused\"}}");

    client.resources(DPUService.class).inNamespace(tenant).withName("paused")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":null}}");
    await().atMost(WAIT).untilAsserted(() -> CLUSTERS.forEach(cluster -> {
      Application app = application(cluster + "-paused");
      assertThat(app.getMetadata().getAnnotations()).doesNotContainKey(AnnotationKeys.ARGOCD_SKIP_RECONCILE);
      assertThat(app.getSpec().getSource().getChart()).as("spec kept while paused and resumed")
          .isEqualTo(ArgoCdEnvironment.CHART);
    }));
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(values("dpu-a", tenant, "paused").getData()).containsEntry("imageTag", "v1"));
  }

  @Test
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
  void deletingTheNamespacesLastDpuServiceWaitsForArgoCdToRemoveItsObjects_thenRemovesThePullSecrets() {
    String tenant = readyService("deleted");
    client.secrets().inNamespace(tenant).resource(DpuServiceFixture.pullSecret(tenant, "registry-d", "{}")).create();
    await().atMost(WAIT).untilAsserted(() -> assertCopies(tenant, "registry-d", "{}"));
    // dpu-b unreachable: Argo CD cannot delete what it installed there, so the Application stays.
    env.dpuBLink.cut();
    try {
      client.resources(DPUService.class).inNamespace(tenant).withName("deleted").delete();
      await().atMost(WAIT).untilAsserted(() -> {
        Condition reconciled = condition(tenant, "deleted", ConditionTypes.DPUService.APPLICATIONS_RECONCILED)
            .orElseThrow();
        assertThat(reconciled.getReason()).isEqualTo("AwaitingDeletion");
        assertThat(reconciled.getMessage()).contains("dpu-b-deleted");
        assertThat(application("dpu-a-deleted")).isNull();
        assertThat(values("dpu-a", tenant, "deleted")).as("gone from the reachable cluster").isNull();
      });
      assertThat(env.dpuA.client().secrets().inNamespace(tenant).withName("registry-d").get())
          .as("pull secrets stay while the DPUService waits").isNotNull();
    } finally {
      env.dpuBLink.restore();
    }
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpuServiceNamed(tenant, "deleted")).isNull());
    assertThat(values("dpu-b", tenant, "deleted")).isNull();
    assertThat(client.resources(Application.class).inNamespace(ARGOCD_NAMESPACE)
        .withLabel(LabelKeys.DPU_SERVICE_NAMESPACE, tenant).list().getItems()).isEmpty();
    for (String cluster : CLUSTERS) {
      assertThat(dpu(cluster).secrets().inNamespace(tenant).withName("registry-d").get()).isNull();
    }
  }

  /** A namespace of the test's own: {@code tenant-<name>}. */
  static String tenant(String name) {
    String namespace = "tenant-" + name;
    DpuServiceFixture.namespace(client, namespace);
    return namespace;
  }

  /** DPUService {@code name} in namespace {@code tenant-<name>}, Ready; returns the namespace. */
  static String readyService(String name) {
    String tenant = tenant(name);
    client.resource(env.dpuService(tenant, name)).create();
    awaitReady(tenant, name);
    return tenant;
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
  static ConfigMap values(String cluster, String namespace, String service) {
    return dpu(cluster).configMaps().inNamespace(namespace).withName(cluster + "-" + service + "-values").get();
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

  static void assertCopies(String namespace, String name, String dockerConfig) {
    for (LocalControlPlane cluster : List.of(env.dpuA, env.dpuB)) {
      Secret copy = cluster.client().secrets().inNamespace(namespace).withName(name).get();
      assertThat(copy).as("%s in %s", name, cluster.name()).isNotNull();
      assertThat(copy.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
      assertThat(new String(Base64.getDecoder().decode(copy.getData().get(".dockerconfigjson"))))
          .isEqualTo(dockerConfig);
    }
  }
}
