package io.dpf.provisioning.bfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.Finalizers;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.BFBPhase;
import io.dpf.api.provisioning.v1alpha1.BFBSpec;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.provisioning.ManagerFixture;
import io.dpf.provisioning.MetricsText;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BFB controller on a real API server, downloading from a local HTTP server into a temporary BFB volume. */
class BfbControllerIT {

  static final String NS = "dpf-provisioning";
  static final long SIZE = 8L * 1024 * 1024;
  static final Duration WAIT = Duration.ofSeconds(90);
  static final String BYTES = "dpf_provisioning_bfb_downloaded_bytes_total";
  static final String DOWNLOADS = "dpf_provisioning_bfb_downloads_total";

  static LocalControlPlane cluster;
  static KubernetesClient client;
  static BfbFileServer server;

  /** One BFB volume for the class, as one manager deployment has one PVC. */
  @TempDir
  static Path bfbDir;
  ManagerFixture manager;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = LocalControlPlane.startApiServerOnly("bfb-it");
    client = cluster.client();
    ManagerFixture.prepare(cluster, NS);
    server = BfbFileServer.serving(SIZE);
  }

  @AfterAll
  static void stopCluster() {
    server.close();
    cluster.close();
  }

  @BeforeEach
  void startManager() {
    server.limitBandwidth(Long.MAX_VALUE);
    manager = ManagerFixture.start(cluster, ManagerFixture.fastSettings(bfbDir));
  }

  /** Each test starts with no BFB: one left retrying (a checksum mismatch) would add to the next test's metrics. */
  @AfterEach
  void deleteBfbsAndStopManager() {
    client.resources(BFB.class).inNamespace(NS).delete();
    await().atMost(WAIT).until(() -> client.resources(BFB.class).inNamespace(NS).list().getItems().isEmpty());
    manager.kill();
  }

  @Test
  void downloadsTheFileReportingProgressThenReady() throws Exception {
    server.limitBandwidth(2L * 1024 * 1024);
    client.resource(bfb("progress", server.url("progress.bfb"), null)).create();

    await().atMost(WAIT).untilAsserted(() -> {
      BFB progress = bfbOf("progress");
      assertThat(progress.getStatus()).isNotNull();
      assertThat(progress.getStatus().getMessage()).contains(" of " + SIZE + " bytes");
      assertThat(progress.getStatus().getPhase()).isEqualTo(BFBPhase.DOWNLOADING);
    });
    awaitPhase("progress", BFBPhase.READY);
    BfbDownloaderTest.assertGenerated(bfbDir.resolve(NS + "-progress.bfb"), SIZE);
    assertThat(bfbOf("progress").getMetadata().getFinalizers()).contains(Finalizers.BFB);
    MetricsText metrics = manager.scrapeMetrics();
    assertThat(metrics.valueOf(BYTES, Map.of())).isEqualTo(SIZE);
    assertThat(metrics.valueOf(DOWNLOADS, Map.of("outcome", "success"))).isEqualTo(1);
    assertThat(metrics.valueOf(DOWNLOADS, Map.of("outcome", "connection_cut"))).isZero();
  }

  @Test
  void resumesWithARangeRequestAfterTheManagerIsKilledMidDownload() throws Exception {
    server.limitBandwidth(1024 * 1024);
    BFB created = client.resource(bfb("resume", server.url("resume.bfb"), null)).create();
    Path partial = bfbDir.resolve(".bfb-" + created.getMetadata().getUid() + ".part");
    await().atMost(WAIT).until(() -> Files.exists(partial) && Files.size(partial) > 2 * 1024 * 1024);

    manager.kill();
    long kept = Files.size(partial);
    assertThat(bfbDir.resolve(NS + "-resume.bfb")).doesNotExist();
    server.limitBandwidth(Long.MAX_VALUE);
    manager = ManagerFixture.start(cluster, ManagerFixture.fastSettings(bfbDir));

    awaitPhase("resume", BFBPhase.READY);
    var ranges = server.requests().stream().filter(r -> r.path().equals("/resume.bfb"))
        .map(BfbFileServer.Request::range).toList();
    assertThat(ranges).as("Range headers of the requests").hasSize(2).first().isNull();
    assertThat(Long.parseLong(ranges.get(1).replaceAll("\\D", ""))).isGreaterThanOrEqualTo(kept);
    BfbDownloaderTest.assertGenerated(bfbDir.resolve(NS + "-resume.bfb"), SIZE);
    // The restarted manager fetched only the rest.
    assertThat(manager.scrapeMetrics().valueOf(BYTES, Map.of())).isEqualTo(SIZE - kept);
  }

  @Test
  void aConnectionCutMidTransferIsAnErrorNamingItAndTheRetryResumesWithARange() throws Exception {
    // A retry base of 3 s keeps the Error in the status long enough to be read; with 1 s the retry may come first.
    manager.kill();
    manager = ManagerFixture.start(cluster, ManagerFixture.fastSettings(bfbDir)
        .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3)));
    server.cutNextResponse("cut.bfb", 3L * 1024 * 1024);
    client.resource(bfb("cut", server.url("cut.bfb"), "sha256:" + BfbFileServer.sha256(SIZE))).create();

    await().atMost(WAIT).untilAsserted(() -> {
      BFB cut = bfbOf("cut");
      assertThat(cut.getStatus()).isNotNull();
      assertThat(cut.getStatus().getPhase()).isEqualTo(BFBPhase.ERROR);
      assertThat(cut.getStatus().getMessage()).containsPattern("connection cut after \\d+ of " + SIZE + " bytes")
          .contains("retrying");
    });
    awaitPhase("cut", BFBPhase.READY);

    var ranges = server.requests().stream().filter(r -> r.path().equals("/cut.bfb"))
        .map(BfbFileServer.Request::range).toList();
    assertThat(ranges).as("Range headers of the requests").hasSize(2).first().isNull();
    assertThat(ranges.get(1)).matches("bytes=[1-9][0-9]*-");
    BfbDownloaderTest.assertGenerated(bfbDir.resolve(NS + "-cut.bfb"), SIZE);
    MetricsText metrics = manager.scrapeMetrics();
    assertThat(metrics.valueOf(DOWNLOADS, Map.of("outcome", "connection_cut"))).isEqualTo(1);
    assertThat(metrics.valueOf(DOWNLOADS, Map.of("outcome", "success"))).isEqualTo(1);
    assertThat(metrics.valueOf(BYTES, Map.of())).isEqualTo(SIZE);
  }

  @Test
  void aBfbLargerThanTheVolumeIsADiskFullErrorNamingBothFiguresUntilItFits() throws Exception {
    long claimed = Files.getFileStore(bfbDir).getUsableSpace() + (1L << 40);
    server.claimSize("huge.bfb", claimed);
    BFB created = client.resource(bfb("huge", server.url("huge.bfb"), null)).create();

    await().atMost(WAIT).untilAsserted(() -> {
      BFB huge = bfbOf("huge");
      assertThat(huge.getStatus()).isNotNull();
      assertThat(huge.getStatus().getPhase()).isEqualTo(BFBPhase.ERROR);
      assertThat(huge.getStatus().getMessage()).startsWith("disk full")
          .contains("needs " + claimed + " more bytes").containsPattern("has \\d+ bytes usable");
    });
    assertThat(bfbDir.resolve(".bfb-" + created.getMetadata().getUid() + ".part")).doesNotExist();

    server.stopClaiming("huge.bfb");
    awaitPhase("huge", BFBPhase.READY);
    BfbDownloaderTest.assertGenerated(bfbDir.resolve(NS + "-huge.bfb"), SIZE);
    MetricsText metrics = manager.scrapeMetrics();
    assertThat(metrics.valueOf(DOWNLOADS, Map.of("outcome", "disk_full"))).isPositive();
    assertThat(metrics.valueOf(DOWNLOADS, Map.of("outcome", "success"))).isEqualTo(1);
  }

  @Test
  void aMissingFileIsAnErrorNamingTheHttpStatusAndIsRetried() {
    server.withhold("later.bfb");
    client.resource(bfb("later", server.url("later.bfb"), null)).create();

    await().atMost(WAIT).untilAsserted(() -> {
      BFB later = bfbOf("later");
      assertThat(later.getStatus()).isNotNull();
      assertThat(later.getStatus().getPhase()).isEqualTo(BFBPhase.ERROR);
      assertThat(later.getStatus().getMessage()).contains("HTTP 404").contains("retrying");
    });

    // `kubectl describe bfb later` tells why it was not Ready, attempt by attempt.
    await().atMost(WAIT).until(() -> eventReasons("later").contains("DownloadFailed"));
    assertThat(client.v1().events().inNamespace(NS).list().getItems()).anySatisfy(event -> {
      assertThat(event.getInvolvedObject().getName()).isEqualTo("later");
      assertThat(event.getType()).isEqualTo("Warning");
      assertThat(event.getMessage()).contains("HTTP 404");
    });

    server.publish("later.bfb");
    awaitPhase("later", BFBPhase.READY);
    await().atMost(WAIT).until(() -> eventReasons("later").contains("Ready"));
  }

  static List<String> eventReasons(String bfb) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(event -> bfb.equals(event.getInvolvedObject().getName())).map(event -> event.getReason()).toList();
  }

  @Test
  void aChecksumMismatchIsAnError() {
    client.resource(bfb("tampered", server.url("tampered.bfb"), "sha256:" + "ab".repeat(32))).create();

    // Error is retried with backoff: read phase and message from the same object.
    await().atMost(WAIT).untilAsserted(() -> {
      BFB tampered = bfbOf("tampered");
      assertThat(tampered.getStatus()).isNotNull();
      assertThat(tampered.getStatus().getPhase()).isEqualTo(BFBPhase.ERROR);
      assertThat(tampered.getStatus().getMessage()).contains("checksum mismatch");
    });
    assertThat(bfbDir.resolve(NS + "-tampered.bfb")).doesNotExist();
  }

  @Test
  void aDeletedFileIsDownloadedAgain() throws Exception {
    client.resource(bfb("again", server.url("again.bfb"), "sha256:" + BfbFileServer.sha256(SIZE))).create();
    awaitPhase("again", BFBPhase.READY);

    Files.delete(bfbDir.resolve(NS + "-again.bfb"));

    await().atMost(WAIT).until(() -> Files.exists(bfbDir.resolve(NS + "-again.bfb")));
    awaitPhase("again", BFBPhase.READY);
  }

  @Test
  void deletionWaitsWhileADpuUsesTheBfbThenRemovesTheFile() {
    client.resource(bfb("used", server.url("used.bfb"), null)).create();
    awaitPhase("used", BFBPhase.READY);
    DPU dpu = new DPU();
    dpu.setMetadata(new ObjectMetaBuilder().withName("worker-0000-4b-00").withNamespace(NS).build());
    DPUSpec spec = new DPUSpec();
    spec.setNodeName("worker");
    spec.setBfb("used");
    spec.setDpuFlavor("flavor");
    dpu.setSpec(spec);
    client.resource(dpu).create();

    client.resource(bfbOf("used")).delete();

    awaitPhase("used", BFBPhase.DELETING);
    assertThat(message("used")).contains("DPU worker-0000-4b-00");
    assertThat(bfbDir.resolve(NS + "-used.bfb")).exists();

    client.resources(DPU.class).inNamespace(NS).withName("worker-0000-4b-00").withGracePeriod(0).delete();
    await().atMost(WAIT).until(() -> bfbOf("used") == null);
    assertThat(bfbDir.resolve(NS + "-used.bfb")).doesNotExist();
  }

  static BFB bfb(String name, String url, String checksum) {
    BFB bfb = new BFB();
    bfb.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS)
        .withAnnotations(checksum == null ? Map.of() : Map.of(Checksum.ANNOTATION, checksum)).build());
    BFBSpec spec = new BFBSpec();
    spec.setUrl(url);
    bfb.setSpec(spec);
    return bfb;
  }

  static BFB bfbOf(String name) {
    return client.resources(BFB.class).inNamespace(NS).withName(name).get();
  }

  static String message(String name) {
    BFB bfb = bfbOf(name);
    return bfb == null || bfb.getStatus() == null || bfb.getStatus().getMessage() == null ? ""
        : bfb.getStatus().getMessage();
  }

  static void awaitPhase(String name, BFBPhase phase) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(bfbOf(name).getStatus()).isNotNull()
        .extracting(s -> s.getPhase()).as(message(name)).isEqualTo(phase));
  }
}
