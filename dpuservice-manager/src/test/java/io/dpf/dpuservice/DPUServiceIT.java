package io.dpf.dpuservice;

import static io.dpf.dpuservice.DpuServiceFixture.ARGOCD_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.AnnotationKeys;
import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.AppProject;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationDestination;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** DPUServices onto two real DPU clusters through ArgoCD objects on a real host API server, in order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DPUServiceIT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String TENANT = "tenant-a";
  static final List<String> CLUSTERS = List.of("dpu-a", "dpu-b");

  static LocalControlPlane host;
  static LocalControlPlane dpuA;
  static LocalControlPlane dpuB;
  static KubernetesClient client;
  static ArgoCdStandIn argoCd;
  static WriteCounter writes = new WriteCounter();
  static Manager manager;

  @BeforeAll
  static void start() {
    host = LocalControlPlane.startApiServerOnly("dpuservice-host");
    dpuA = LocalControlPlane.startApiServerOnly("dpuservice-dpu-a");
    dpuB = LocalControlPlane.startApiServerOnly("dpuservice-dpu-b");
    client = host.client();
    argoCd = new ArgoCdStandIn(client);
    DpuServiceFixture.prepareHost(host);
    DpuServiceFixture.registerDpuCluster(host, "dpu-a", dpuA);
    DpuServiceFixture.registerDpuCluster(host, "dpu-b", dpuB);
    DpuServiceFixture.namespace(client, TENANT);
    DpuServiceFixture.installChartRbac(host);
    manager = DpuServiceFixture.startManager(host, writes);
  }

  @AfterAll
  static void stop() {
    DpuServiceFixture.closeAll(manager, dpuB, dpuA, host);
  }

  @Test
  @Order(1)
  void dpuServiceBecomesOneApplicationPerDpuClusterWithItsArgoCdPrerequisites() {
    client.resource(dpuService(TENANT, "flannel")).create();

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
        assertThat(app.getSpec().getSource().getRepoURL()).isEqualTo("ghcr.io/nvidia/charts");
        assertThat(app.getSpec().getSource().getHelm().getValuesObject().at("/serviceDaemonSet/labels")
            .get(LabelKeys.SERVICE_ID).asText()).isEqualTo("flannel");
        assertThat(app.getSpec().getSource().getHelm().getValuesObject().at("/image/tag").asText()).isEqualTo("v1");
      }
    });
    for (String cluster : CLUSTERS) {
      Secret argoSecret = client.secrets().inNamespace(ARGOCD_NAMESPACE)
          .withName(DpuServiceFixture.clusterNamespace(cluster) + "-" + cluster).get();
      assertThat(argoSecret.getMetadata().getLabels()).containsEntry("argocd.argoproj.io/secret-type", "cluster");
      assertThat(argoSecret.getData()).containsKeys("name", "server", "config");
    }
    assertThat(dpuA.client().namespaces().withName(TENANT).get()).isNotNull();
    assertThat(dpuB.client().namespaces().withName(TENANT).get()).isNotNull();
    AppProject dpuProject = client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE)
        .withName("doca-platform-project-dpu").get();
    assertThat(dpuProject.getSpec().getDestinations()).extracting(ApplicationDestination::getName)
        .containsExactlyElementsOf(CLUSTERS);
    assertThat(client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE).withName("doca-platform-project-host").get())
        .isNotNull();
    DPUService service = dpuServiceNamed(TENANT, "flannel");
    assertThat(service.getMetadata().getFinalizers()).contains(Finalizers.DPU_SERVICE);
    await().atMost(WAIT).untilAsserted(() -> {
      Condition ready = condition(TENANT, "flannel", ConditionTypes.DPUService.APPLICATIONS_READY).orElseThrow();
      assertThat(ready.getStatus()).isEqualTo("False");
      assertThat(ready.getMessage()).contains("dpu-a-flannel").contains("dpu-b-flannel");
    });
  }

  @Test
  @Order(2)
  void pullSecretsAreCopiedUpdatedAndRemovedInEveryDpuCluster() {
    client.secrets().inNamespace(TENANT).resource(DpuServiceFixture.pullSecret(TENANT, "registry-a", "{\"auths\":{}}")).create();
    await().atMost(WAIT).untilAsserted(() -> assertCopies("registry-a", "{\"auths\":{}}"));

    client.secrets().inNamespace(TENANT).resource(DpuServiceFixture.pullSecret(TENANT, "registry-a", "{\"auths\":{\"r\":{}}}")).update();
    await().atMost(WAIT).untilAsserted(() -> assertCopies("registry-a", "{\"auths\":{\"r\":{}}}"));

    client.secrets().inNamespace(TENANT).resource(DpuServiceFixture.pullSecret(TENANT, "registry-b", "{}")).create();
    client.secrets().inNamespace(TENANT).withName("registry-a").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertCopies("registry-b", "{}");
      assertThat(dpuA.client().secrets().inNamespace(TENANT).withName("registry-a").get()).isNull();
      assertThat(dpuB.client().secrets().inNamespace(TENANT).withName("registry-a").get()).isNull();
    });
  }

  @Test
  @Order(3)
  void applicationsMarkedSyncedAndHealthyByTheTestAsArgoCdWould_makeTheDpuServiceReady() {
    await().atMost(WAIT).untilAsserted(() -> {
      argoCd.markAllSyncedAndHealthy();
      assertThat(condition(TENANT, "flannel", ConditionTypes.READY)).hasValueSatisfying(c ->
          assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
    });
    DPUService service = dpuServiceNamed(TENANT, "flannel");
    assertThat(service.getStatus().getObservedGeneration()).isEqualTo(service.getMetadata().getGeneration());
  }

  @Test
  @Order(4)
  void removedDpuClusterLosesItsApplications_andOneAddedGetsApplicationsAndPullSecretsUntouched() {
    client.resources(DPUCluster.class).inNamespace(DpuServiceFixture.clusterNamespace("dpu-b")).withName("dpu-b").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      argoCd.finishDeletions();
      assertThat(application("dpu-b-flannel")).isNull();
      assertThat(client.secrets().inNamespace(ARGOCD_NAMESPACE).withName("dpu-cplane-dpu-b-dpu-b").get()).isNull();
      assertThat(client.resources(AppProject.class).inNamespace(ARGOCD_NAMESPACE).withName("doca-platform-project-dpu")
          .get().getSpec().getDestinations()).extracting(ApplicationDestination::getName).containsExactly("dpu-a");
    });
    assertThat(application("dpu-a-flannel")).isNotNull();
    dpuB.client().secrets().inNamespace(TENANT).withName("registry-b").delete();

    DpuServiceFixture.registerDpuCluster(host, "dpu-b", dpuB);
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(application("dpu-b-flannel")).isNotNull();
      assertThat(dpuB.client().secrets().inNamespace(TENANT).withName("registry-b").get()).isNotNull();
    });
    await().atMost(WAIT).untilAsserted(() -> {
      argoCd.markAllSyncedAndHealthy();
      assertThat(condition(TENANT, "flannel", ConditionTypes.READY)).hasValueSatisfying(c ->
          assertThat(c.getStatus()).as(c.getMessage()).isEqualTo("True"));
    });
  }

  @Test
  @Order(5)
  void pausedDpuServiceMarksItsApplicationsToSkipArgoCdReconcileUntilResumed() {
    client.resources(DPUService.class).inNamespace(TENANT).withName("flannel")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
    await().atMost(WAIT).untilAsserted(() -> CLUSTERS.forEach(cluster ->
        assertThat(application(cluster + "-flannel").getMetadata().getAnnotations())
            .containsEntry(AnnotationKeys.ARGOCD_SKIP_RECONCILE, "true")));

    client.resources(DPUService.class).inNamespace(TENANT).withName("flannel")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":null}}");
    await().atMost(WAIT).untilAsserted(() -> CLUSTERS.forEach(cluster -> {
      Application app = application(cluster + "-flannel");
      assertThat(app.getMetadata().getAnnotations()).doesNotContainKey(AnnotationKeys.ARGOCD_SKIP_RECONCILE);
      assertThat(app.getSpec().getSource().getChart()).as("spec kept while paused and resumed").isEqualTo("flannel");
    }));
  }

  @Test
  @Order(6)
  void deployInClusterMakesOneApplicationForTheHost() {
    DPUService hostService = dpuService("tenant-host", "host-agent");
    hostService.getSpec().setDeployInCluster(true);
    DpuServiceFixture.namespace(client, "tenant-host");
    client.resource(hostService).create();

    await().atMost(WAIT).untilAsserted(() -> {
      Application app = application("in-cluster-host-agent");
      assertThat(app).isNotNull();
      assertThat(app.getSpec().getDestination().getName()).isEqualTo("in-cluster");
      assertThat(app.getSpec().getProject()).isEqualTo("doca-platform-project-host");
    });
    assertThat(application("dpu-a-host-agent")).isNull();
    client.resource(hostService).delete();
    await().atMost(WAIT).untilAsserted(() -> {
      argoCd.finishDeletions();
      assertThat(dpuServiceNamed("tenant-host", "host-agent")).isNull();
      assertThat(application("in-cluster-host-agent")).isNull();
    });
  }

  @Test
  @Order(7)
  void anUnchangedWorldMakesNoWrites_withManyDpuServicesOnTwoDpuClusters() throws InterruptedException {
    // The figure: 200 DPUServices on two DPU clusters (about 40 s to converge on 2 cores).
    int services = Integer.getInteger("dpuservice.it.scale", 200);
    long started = System.nanoTime();
    int writesBefore = writes.count();
    DpuServiceFixture.namespace(client, "scale");
    for (int i = 0; i < services; i++) {
      client.resource(dpuService("scale", "svc-" + i)).create();
    }
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
      argoCd.markAllSyncedAndHealthy();
      long ready = client.resources(DPUService.class).inNamespace("scale").list().getItems().stream()
          .filter(s -> s.getStatus() != null && s.getStatus().getConditions() != null && s.getStatus().getConditions()
              .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
          .count();
      assertThat(ready).isEqualTo(services);
    });
    Duration toReady = Duration.ofNanos(System.nanoTime() - started);
    int writesToReady = writes.count() - writesBefore;
    List<String> idleWrites = DpuServiceFixture.writesWhileNothingChanges(writes, Duration.ofSeconds(20));
    System.out.printf("%n[figures] %d DPUServices x %d DPU clusters: Ready after %.1f s with %d writes "
        + "(host + DPU clusters); %d writes in 20 s of an unchanged world%n",
        services, CLUSTERS.size(), toReady.toMillis() / 1000.0, writesToReady, idleWrites.size());
    assertThat(idleWrites).as("writes by the manager over 20 s of nothing changing").isEmpty();
  }

  @Test
  @Order(8)
  void deletingTheNamespacesLastDpuServiceWaitsForItsApplicationsThenRemovesThePullSecrets() {
    client.resources(DPUService.class).inNamespace(TENANT).withName("flannel").delete();
    await().atMost(WAIT).untilAsserted(() -> {
      Condition reconciled = condition(TENANT, "flannel", ConditionTypes.DPUService.APPLICATIONS_RECONCILED).orElseThrow();
      assertThat(reconciled.getReason()).isEqualTo("AwaitingDeletion");
      assertThat(reconciled.getMessage()).contains("dpu-a-flannel");
    });
    assertThat(dpuA.client().secrets().inNamespace(TENANT).withName("registry-b").get())
        .as("pull secrets stay while the DPUService waits").isNotNull();

    await().atMost(WAIT).untilAsserted(() -> {
      argoCd.finishDeletions();
      assertThat(dpuServiceNamed(TENANT, "flannel")).isNull();
    });
    assertThat(client.resources(Application.class).inNamespace(ARGOCD_NAMESPACE)
        .withLabel(LabelKeys.DPU_SERVICE_NAMESPACE, TENANT).list().getItems()).isEmpty();
    assertThat(dpuA.client().secrets().inNamespace(TENANT).withName("registry-b").get()).isNull();
    assertThat(dpuB.client().secrets().inNamespace(TENANT).withName("registry-b").get()).isNull();
  }

  static DPUService dpuService(String namespace, String name) {
    return DpuServiceFixture.dpuService(client, namespace, name);
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
    for (LocalControlPlane cluster : List.of(dpuA, dpuB)) {
      Secret copy = cluster.client().secrets().inNamespace(TENANT).withName(name).get();
      assertThat(copy).as("%s in %s", name, cluster.name()).isNotNull();
      assertThat(copy.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
      assertThat(new String(java.util.Base64.getDecoder().decode(copy.getData().get(".dockerconfigjson"))))
          .isEqualTo(dockerConfig);
    }
  }
}
