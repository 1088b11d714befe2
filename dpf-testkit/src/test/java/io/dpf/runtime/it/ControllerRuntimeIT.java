package io.dpf.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerSource;
import io.dpf.runtime.controller.KeyMapper;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.controller.Scope;
import io.dpf.runtime.manager.LeaderElectionSettings;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.ReconcilerHarness;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime's promises, on a real kube-apiserver: quiet when nothing changes, retries, failover. */
class ControllerRuntimeIT {

  /** How long a condition may take before the test fails; generous, since a loaded machine is slow. */
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String DPU_NAMESPACE_LABEL = "test.dpf.io/mirror-namespace";
  private static final String DPU_NAME_LABEL = "test.dpf.io/mirror-name";

  private static LocalControlPlane cluster;
  private static KubernetesClient admin;

  private final WriteCounter writes = new WriteCounter();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final List<Integer> exits = new CopyOnWriteArrayList<>();
  private KubernetesClient client;
  private String namespace;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = LocalControlPlane.startApiServerOnly("runtime-it");
    cluster.installCrds(Path.of(ControllerRuntimeIT.class.getResource("/crds/mirrors.test.dpf.io.yaml").toURI()));
    admin = cluster.client();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void namespaceAndCountingClient() {
    namespace = "it-" + UUID.randomUUID().toString().substring(0, 8);
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
        .endMetadata().build()).create();
    client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(cluster.kubeconfigYaml()))
        .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("count-writes", writes))
        .build();
    cleanup.add(client);
  }

  @AfterEach
  void stopManagers() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  @Test
  void reconcilesOnceThenWritesNothingWhileNothingChanges() throws Exception {
    MirrorReconciler reconciler = new MirrorReconciler(client);
    Manager manager = startManager(reconciler, null);
    createSource("settings", Map.of("a", "1"));
    createMirror("m", "settings");

    awaitCopy("m", Map.of("a", "1"));
    awaitReady("m");
    assertQuietFor(Duration.ofSeconds(5));
    assertThat(exits).isEmpty();
    Mirror cached = (Mirror) manager.controllers().get(0).primaryCache()
        .get(new ResourceKey(namespace, "m"));
    assertThat(cached.getMetadata().getManagedFields()).as("not cached").isNullOrEmpty();

    int before = writes.count();
    admin.configMaps().inNamespace(namespace).withName("settings")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("b", "2").build());
    awaitCopy("m", Map.of("a", "1", "b", "2"));
    await().atMost(WAIT).until(() -> mirror("m").getStatus().copiedKeys == 2);
    assertThat(writes.since(before)).as("one apply of the copy, one status write")
        .containsExactly(
            "PATCH /api/v1/namespaces/" + namespace + "/configmaps/m-copy",
            "PATCH /apis/test.dpf.io/v1/namespaces/" + namespace + "/mirrors/m/status");
    assertQuietFor(Duration.ofSeconds(3));
    assertThat(metrics(manager)).contains(
        "dpf_controller_reconcile_total{controller=\"mirror\",manager=\"runtime-it\",result=\"success\"}");
  }

  @Test
  void retriesAFailingReconcileWithGrowingDelaysUntilItSucceeds() {
    MirrorReconciler reconciler = new MirrorReconciler(client);
    reconciler.failuresToInject.set(4);
    startManager(reconciler, null);
    createSource("settings", Map.of("a", "1"));
    createMirror("m", "settings");

    awaitReady("m");
    // Four failures, then success, with no event in between: the retries came from the backoff.
    assertThat(reconciler.attempts).hasSizeGreaterThanOrEqualTo(5);
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < 5; i++) {
      gaps.add(Duration.between(reconciler.attempts.get(i - 1), reconciler.attempts.get(i)));
    }
    // Backoff base 200ms: each retry waits at least 200, 400, 800, 1600 ms (1.6s is the max). Only
    // lower bounds: a loaded machine makes any gap longer, never shorter. The cap itself is
    // WorkQueueTest's (no clock there).
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
    assertThat(gaps.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(380));
    assertThat(gaps.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(780));
    assertThat(gaps.get(3)).isGreaterThanOrEqualTo(Duration.ofMillis(1580));
  }

  @Test
  void errorsThrownByTheReconcilerNeitherStopTheControllerNorHideFromReadiness() throws Exception {
    MirrorReconciler reconciler = new MirrorReconciler(client);
    // More Errors than workers: each would have ended a worker thread for good.
    reconciler.errorsToInject.set(6);
    Manager manager = startManager(reconciler, null);
    createSource("settings", Map.of("a", "1"));
    createMirror("m", "settings");

    awaitReady("m");
    assertThat(reconciler.attempts).hasSizeGreaterThanOrEqualTo(7);
    assertThat(manager.controllers().get(0).liveWorkers()).isEqualTo(2);
    assertThat(manager.isReady()).isTrue();
    admin.configMaps().inNamespace(namespace).withName("settings")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("b", "2").build());
    awaitCopy("m", Map.of("a", "1", "b", "2"));
    assertThat(metrics(manager)).contains(
        "dpf_controller_reconcile_errors_total{controller=\"mirror\",manager=\"runtime-it\"} 6.0",
        "dpf_controller_workers{controller=\"mirror\",manager=\"runtime-it\"} 2.0");
  }

  @Test
  void controllersOfOneManagerShareOneInformerPerKindAndScope() throws Exception {
    Scope sources = Scope.namespace(namespace).withLabels(MirrorReconciler.SOURCE_LABEL);
    KeyMapper<ConfigMap> toMirror = source -> List.of(new ResourceKey(source.getMetadata().getNamespace(),
        source.getMetadata().getLabels().get(MirrorReconciler.SOURCE_LABEL)));
    MirrorReconciler first = new MirrorReconciler(client);
    MirrorReconciler second = new MirrorReconciler(client);
    Module twoControllers = new AbstractModule() {
      @ProvidesIntoSet
      Controller<?> one(KubernetesClient kube) {
        return Controller.builder("mirror-one", kube, Mirror.class, first).scope(Scope.namespace(namespace))
            .watches(ConfigMap.class, sources, toMirror).build();
      }

      @ProvidesIntoSet
      Controller<?> two(KubernetesClient kube) {
        return Controller.builder("mirror-two", kube, Mirror.class, second).scope(Scope.namespace(namespace))
            .watches(ConfigMap.class, sources, toMirror).build();
      }
    };
    Manager manager = Manager.create(new ManagerModule(new ManagerSettings("runtime-it", 0, null, Duration.ofSeconds(5))),
        ManagerModule.useClient(client), twoControllers);
    cleanup.add(manager);
    manager.start();
    createSource("settings", Map.of("a", "1"));
    createMirror("m", "settings");

    await().atMost(WAIT).until(() -> !first.attempts.isEmpty() && !second.attempts.isEmpty());
    assertThat(manager.informers().size()).as("Mirrors and labelled ConfigMaps, each cached once").isEqualTo(2);
    // The cache a reconciler would read is the one the watches fill.
    assertThat(manager.informers().acquire(client, ConfigMap.class, sources).get(namespace, "settings")).isNotNull();
    assertThat(manager.informers().size()).isEqualTo(2);
  }

  @Test
  void theHarnessReconcilesSynchronouslyAndASecondPassWritesNothing() throws Exception {
    createSource("settings", Map.of("a", "1"));
    createMirror("m", "settings");
    try (ReconcilerHarness<Mirror> harness = ReconcilerHarness.of(client, Mirror.class)) {
      harness.with(new MirrorReconciler(client));

      assertThat(harness.reconcile(namespace, "m")).contains(Result.done());
      // No await: what the reconcile wrote is there when it returns.
      assertThat(admin.configMaps().inNamespace(namespace).withName("m-copy").get().getData()).isEqualTo(Map.of("a", "1"));
      assertThat(mirror("m").getStatus().copiedKeys).isEqualTo(1);

      int before = writes.count();
      harness.reconcile(namespace, "m");
      assertThat(writes.since(before)).as("a second reconcile of an unchanged world").isEmpty();
      assertThat(harness.reconcile(namespace, "gone")).isEmpty();
    }
  }

  @Test
  void aStandbyTakesOverWhenTheLeaderStops() throws Exception {
    String lease = "mirror-" + namespace;
    MirrorReconciler first = new MirrorReconciler(client);
    MirrorReconciler second = new MirrorReconciler(client);
    Manager leader = startManager(first, lease);
    await().atMost(WAIT).until(leader::isLeader);
    Manager standby = startManager(second, lease);
    await().atMost(WAIT).until(standby::isReady);

    createSource("settings", Map.of("a", "1"));
    createMirror("m", "settings");
    awaitReady("m");
    assertThat(standby.isLeader()).isFalse();
    assertThat(second.attempts).as("a standby does not reconcile").isEmpty();

    leader.close();
    await().atMost(WAIT).until(standby::isLeader);
    admin.configMaps().inNamespace(namespace).withName("settings")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("b", "2").build());
    awaitCopy("m", Map.of("a", "1", "b", "2"));
    assertThat(second.attempts).isNotEmpty();
    assertThat(exits).as("a graceful stop is not a lost leadership").isEmpty();
  }

  @Test
  void aLeaderThatLosesItsLeaseStopsReconcilingAndAsksToExit() {
    String lease = "mirror-" + namespace;
    MirrorReconciler reconciler = new MirrorReconciler(client);
    Manager manager = startManager(reconciler, lease);
    await().atMost(WAIT).until(manager::isLeader);

    // Another process takes the Lease, as after a long partition from the API server. The
    // leader renews every 500ms, so retry our optimistic update until it lands between renewals.
    await().atMost(WAIT).ignoreExceptions().until(() ->
        admin.leases().inNamespace(namespace).withName(lease).edit(taken -> {
          taken.getSpec().setHolderIdentity("someone-else");
          taken.getSpec().setLeaseDurationSeconds(600);
          taken.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
          return taken;
        }) != null);

    await().atMost(WAIT).until(() -> exits.equals(List.of(1)));
    assertThat(manager.isLeader()).isFalse();
    assertThat(manager.controllers().get(0).isReconciling()).isFalse();
  }

  @Test
  void watchesAddedAtRunTimeOnAnotherClusterRequeueUntilRemoved() throws Exception {
    MirrorReconciler reconciler = new MirrorReconciler(client);
    Manager manager = startManager(reconciler, null);
    createSource("settings", Map.of("a", "1"));
    createMirror("m", "settings");
    awaitReady("m");
    @SuppressWarnings("unchecked")
    Controller<Mirror> controller = (Controller<Mirror>) manager.controllers().get(0);

    try (LocalControlPlane dpuCluster = LocalControlPlane.startApiServerOnly("runtime-it-dpu")) {
      InformerSource<ConfigMap> dpuSource = controller.watch(dpuCluster.client(), ConfigMap.class,
          Scope.namespace("default").withLabels(DPU_NAME_LABEL),
          KeyMapper.fromLabels(DPU_NAMESPACE_LABEL, DPU_NAME_LABEL));
      await().atMost(WAIT).until(dpuSource::isHealthy);

      int attempts = reconciler.attempts.size();
      createInDpuCluster(dpuCluster, "first");
      await().atMost(WAIT).until(() -> reconciler.attempts.size() > attempts);

      dpuSource.close();
      assertThat(controller.sources()).doesNotContain(dpuSource);
      int afterRemoval = reconciler.attempts.size();
      createInDpuCluster(dpuCluster, "second");
      await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
      assertThat(reconciler.attempts).hasSize(afterRemoval);
    }
    assertThat(manager.isReady()).isTrue();
  }

  private void createInDpuCluster(LocalControlPlane dpuCluster, String name) {
    dpuCluster.client().configMaps().inNamespace("default").resource(new ConfigMapBuilder()
        .withNewMetadata().withName(name).addToLabels(DPU_NAMESPACE_LABEL, namespace)
        .addToLabels(DPU_NAME_LABEL, "m").endMetadata().build()).create();
  }

  private Manager startManager(MirrorReconciler reconciler, String lease) {
    ManagerSettings settings = new ManagerSettings("runtime-it", 0, null, Duration.ofSeconds(5));
    if (lease != null) {
      settings = settings.withLeaderElection(LeaderElectionSettings.of(namespace, lease)
          .withDurations(Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofMillis(500)));
    }
    Module controllers = new AbstractModule() {
      @ProvidesIntoSet
      Controller<?> mirror(KubernetesClient kube) {
        return Controller.builder("mirror", kube, Mirror.class, reconciler)
            .scope(Scope.namespace(namespace))
            .backoff(Duration.ofMillis(200), Duration.ofMillis(1600))
            .watches(ConfigMap.class, Scope.namespace(namespace).withLabels(MirrorReconciler.SOURCE_LABEL),
                source -> List.of(new ResourceKey(source.getMetadata().getNamespace(),
                    source.getMetadata().getLabels().get(MirrorReconciler.SOURCE_LABEL))))
            .watches(ConfigMap.class,
                Scope.namespace(namespace).withLabels("app.kubernetes.io/managed-by=" + MirrorReconciler.FIELD_MANAGER),
                KeyMapper.ownedBy(Mirror.class))
            .build();
      }
    };
    Manager manager = Manager.create(new ManagerModule(settings), ManagerModule.useClient(client),
        ManagerModule.onLostLeadership(exits::add), controllers);
    cleanup.add(manager);
    manager.start();
    return manager;
  }

  private void createSource(String name, Map<String, String> data) {
    admin.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
        .withName(name).addToLabels(MirrorReconciler.SOURCE_LABEL, "m").endMetadata()
        .withData(data).build()).create();
  }

  @Test
  void aStatusWriterKnowsACopyOlderThanItsOwnWriteAndLeavesOthersFieldsAlone() {
    createMirror("w", "settings");
    Mirror before = mirror("w");
    StatusWriter writer = new StatusWriter(new ServerSideApply(client, "status-writer-it"),
        client.getKubernetesSerialization());
    Mirror.Status status = new Mirror.Status();
    status.copiedKeys = 1;

    assertThat(writer.behindOwnWrite(before)).as("nothing written yet").isFalse();
    assertThat(writer.update(before, status)).isTrue();
    assertThat(writer.behindOwnWrite(before)).as("the copy the write was made from").isTrue();
    Mirror after = mirror("w");
    assertThat(writer.behindOwnWrite(after)).as("the copy that has the write").isFalse();

    // Another writer's field: not taken over, not reverted, not a reason to write again.
    admin.resources(Mirror.class).inNamespace(namespace).withName("w").subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"observedGeneration\":7}}");
    Mirror withOthers = mirror("w");
    Mirror.Status same = new Mirror.Status();
    same.copiedKeys = 1;
    assertThat(writer.update(withOthers, same, Set.of("observedGeneration"))).isFalse();
    Mirror.Status next = new Mirror.Status();
    next.copiedKeys = 2;
    assertThat(writer.update(withOthers, next, Set.of("observedGeneration"))).isTrue();
    assertThat(mirror("w").getStatus().observedGeneration).isEqualTo(7L);
    assertThat(mirror("w").getStatus().copiedKeys).isEqualTo(2);
  }

  private void createMirror(String name, String source) {
    Mirror mirror = new Mirror();
    mirror.getMetadata().setName(name);
    mirror.getMetadata().setNamespace(namespace);
    mirror.setSpec(new Mirror.Spec());
    mirror.getSpec().source = source;
    admin.resources(Mirror.class).inNamespace(namespace).resource(mirror).create();
  }

  private Mirror mirror(String name) {
    return admin.resources(Mirror.class).inNamespace(namespace).withName(name).get();
  }

  private void awaitCopy(String mirror, Map<String, String> data) {
    await().atMost(WAIT).untilAsserted(() -> {
      ConfigMap copy = admin.configMaps().inNamespace(namespace).withName(mirror + "-copy").get();
      assertThat(copy).isNotNull();
      assertThat(copy.getData()).isEqualTo(data);
    });
  }

  private void awaitReady(String name) {
    await().atMost(WAIT).until(() -> {
      Mirror mirror = mirror(name);
      return mirror.getStatus() != null && mirror.getStatus().conditions.stream()
          .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    });
  }

  private void assertQuietFor(Duration quiet) {
    int before = writes.count();
    // The bound only stops a stalled JVM from failing here: quiet means nothing written for at least `quiet`.
    await().pollDelay(quiet).atMost(quiet.plusSeconds(60)).until(() -> true);
    assertThat(writes.since(before)).as("writes while nothing changed").isEmpty();
  }

  private static String metrics(Manager manager) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + manager.httpPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
