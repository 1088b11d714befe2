package io.dpf.runtime.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.Scope;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes decided on an informer's copy, on a real kube-apiserver. Server-side apply: no request when
 * our own last body is in place, a read (and the write it calls for) whenever the copy cannot prove
 * that. Finalizers: a patch of exactly the copy, or a read when the object changed since.
 */
class CachedWritesIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NAMESPACE = "cached-writes";

  private static LocalControlPlane cluster;
  private static KubernetesClient admin;
  private static final WriteCounter REQUESTS = new WriteCounter();
  private static KubernetesClient client;
  private static InformerCache informers;
  private static KindCache<ConfigMap> cache;

  @BeforeAll
  static void start() {
    cluster = LocalControlPlane.startApiServerOnly("cached-writes-it");
    admin = cluster.client();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    client = REQUESTS.countingClient(cluster);
    informers = new InformerCache();
    cache = informers.acquire(client, ConfigMap.class, Scope.namespace(NAMESPACE));
    cache.awaitSynced();
  }

  @AfterAll
  static void stop() {
    if (informers != null) {
      informers.close();
    }
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void ourOwnBodyInPlaceCostsNoRequestAndAnythingElseIsReadAndPutRight() {
    ServerSideApply apply = new ServerSideApply(client, "cached-writes-it");
    ConfigMap one = settings("a", Map.of("a", "1"));

    apply.apply(one, cached("a"));
    awaitCached("a", cm -> "1".equals(cm.getData().get("a")));
    int reads = REQUESTS.readCount();
    int writes = REQUESTS.count();
    assertThat(apply.apply(one, cached("a")).getData()).containsEntry("a", "1");
    assertThat(REQUESTS.readsSince(reads)).as("reads for our own body in place").isEmpty();
    assertThat(REQUESTS.since(writes)).as("writes for our own body in place").isEmpty();

    // Someone else's change of one of our values: the copy shows it, so we read and put it back.
    admin.configMaps().inNamespace(NAMESPACE).withName("a").edit(cm -> {
      cm.getData().put("a", "changed");
      return cm;
    });
    awaitCached("a", cm -> "changed".equals(cm.getData().get("a")));
    reads = REQUESTS.readCount();
    apply.apply(one, cached("a"));
    assertThat(REQUESTS.readsSince(reads)).hasSize(1);
    assertThat(live("a").getData()).containsEntry("a", "1");

    // A field we stop applying: the copy still holds every value we want, but not our last body.
    ConfigMap two = settings("a", Map.of("a", "1", "b", "2"));
    apply.apply(two, cached("a"));
    awaitCached("a", cm -> cm.getData().containsKey("b"));
    writes = REQUESTS.count();
    apply.apply(one, cached("a"));
    assertThat(REQUESTS.since(writes)).as("the apply that removes b").hasSize(1);
    assertThat(live("a").getData()).isEqualTo(Map.of("a", "1"));
  }

  @Test
  void anObjectRecreatedBySomeoneElseIsNotTakenForOursEvenWithOurValues() {
    ServerSideApply apply = new ServerSideApply(client, "cached-writes-it");
    ConfigMap mine = settings("r", Map.of("k", "v"));
    apply.apply(mine, cached("r"));
    String first = awaitCached("r", cm -> true).getMetadata().getUid();
    admin.configMaps().inNamespace(NAMESPACE).withName("r").delete();
    admin.resource(settings("r", Map.of("k", "v"))).create();
    awaitCached("r", cm -> !first.equals(cm.getMetadata().getUid()));

    int reads = REQUESTS.readCount();
    int writes = REQUESTS.count();
    apply.apply(mine, cached("r"));
    assertThat(REQUESTS.readsSince(reads)).as("a new uid: our ownership is not known").hasSize(1);
    assertThat(REQUESTS.since(writes)).as("the fields become ours").hasSize(1);
    assertThat(live("r").getMetadata().getManagedFields())
        .anyMatch(entry -> "cached-writes-it".equals(entry.getManager()));
  }

  @Test
  void aCopyOlderThanOurWriteIsReadThroughNotTrusted() {
    ServerSideApply apply = new ServerSideApply(client, "cached-writes-it");
    apply.apply(settings("s", Map.of("k", "1")), cached("s"));
    ConfigMap stale = awaitCached("s", cm -> true);
    apply.apply(settings("s", Map.of("k", "2")), stale);

    int reads = REQUESTS.readCount();
    int writes = REQUESTS.count();
    // Applying the new body against the copy from before it: the copy does not show it, so read.
    assertThat(apply.apply(settings("s", Map.of("k", "2")), stale).getData()).containsEntry("k", "2");
    assertThat(REQUESTS.readsSince(reads)).hasSize(1);
    assertThat(REQUESTS.since(writes)).as("the server already has it").isEmpty();
  }

  @Test
  void anObjectWeWroteButTheCacheDoesNotShowIsReadNotRewritten() {
    ServerSideApply apply = new ServerSideApply(client, "cached-writes-it");
    ConfigMap mine = settings("n", Map.of("k", "v"));
    int writes = REQUESTS.count();
    apply.apply(mine, null);
    assertThat(REQUESTS.since(writes)).as("an object never seen is created without a read").hasSize(1);

    writes = REQUESTS.count();
    int reads = REQUESTS.readCount();
    apply.apply(mine, null); // as if the informer had not seen our create yet
    assertThat(REQUESTS.readsSince(reads)).hasSize(1);
    assertThat(REQUESTS.since(writes)).as("the server already has it").isEmpty();
  }

  @Test
  void aFinalizerIsWrittenWithoutAReadOnACurrentCopyAndWithOneOnAStaleCopy() {
    admin.resource(settings("f", Map.of("k", "1"))).create();
    ConfigMap current = awaitCached("f", cm -> true);
    int reads = REQUESTS.readCount();
    assertThat(Finalizer.ensure(client, current, "test.dpf.io/one")).isTrue();
    assertThat(REQUESTS.readsSince(reads)).as("reads to add a finalizer to a current copy").isEmpty();
    ConfigMap withOne = awaitCached("f", cm -> Finalizer.has(cm, "test.dpf.io/one"));

    // Someone else's change after the copy was taken: the patch is refused, the live object edited.
    admin.configMaps().inNamespace(NAMESPACE).withName("f").edit(cm -> {
      cm.getData().put("k", "2");
      return cm;
    });
    reads = REQUESTS.readCount();
    assertThat(Finalizer.ensure(client, withOne, "test.dpf.io/two")).isTrue();
    assertThat(REQUESTS.readsSince(reads)).hasSize(1);
    ConfigMap live = live("f");
    assertThat(live.getMetadata().getFinalizers()).containsExactly("test.dpf.io/one", "test.dpf.io/two");
    assertThat(live.getData()).as("the other change is kept").containsEntry("k", "2");

    ConfigMap both = awaitCached("f", cm -> Finalizer.has(cm, "test.dpf.io/two"));
    reads = REQUESTS.readCount();
    assertThat(Finalizer.remove(client, both, "test.dpf.io/one")).isTrue();
    assertThat(Finalizer.remove(client, awaitCached("f", cm -> !Finalizer.has(cm, "test.dpf.io/one")),
        "test.dpf.io/two")).isTrue();
    assertThat(REQUESTS.readsSince(reads)).as("reads to remove finalizers from current copies").isEmpty();
    assertThat(live("f").getMetadata().getFinalizers()).isEmpty();
  }

  private static ConfigMap settings(String name, Map<String, String> data) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
        .addToLabels("test.dpf.io/cached", "yes").endMetadata().withData(data).build();
  }

  private static ConfigMap cached(String name) {
    return cache.get(NAMESPACE, name);
  }

  private static ConfigMap live(String name) {
    return admin.configMaps().inNamespace(NAMESPACE).withName(name).get();
  }

  private static ConfigMap awaitCached(String name, Predicate<ConfigMap> until) {
    await().atMost(WAIT).until(() -> cached(name) != null && until.test(cached(name)));
    return cached(name);
  }
}
