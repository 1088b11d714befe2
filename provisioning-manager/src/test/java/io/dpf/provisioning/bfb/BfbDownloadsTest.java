package io.dpf.provisioning.bfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download threads' meters: bytes actually fetched and attempts by outcome. */
class BfbDownloadsTest {

  static final long SIZE = 2 * 1024 * 1024 + 5;

  @TempDir
  Path dir;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final BfbDownloads downloads = new BfbDownloads(BfbDownloader.withDefaultClient(), Clock.systemUTC());
  BfbFileServer server;

  @AfterEach
  void stop() {
    downloads.close();
    server.close();
  }

  @Test
  void countsEachAttemptByOutcomeAndEachByteOnce() throws Exception {
    downloads.bindTo(registry);
    server = BfbFileServer.serving(SIZE);
    server.cutNextResponse("bf.bfb", 700_000);

    BfbDownloads.Attempt cut = startAndFinish();
    assertThat(cut.failure()).hasValueSatisfying(f ->
        assertThat(f.failureCause()).isEqualTo(DownloadFailure.Cause.CONNECTION_CUT));
    BfbDownloads.Attempt resumed = startAndFinish();
    assertThat(resumed.failure()).isEmpty();

    assertThat(outcome("connection_cut")).isEqualTo(1);
    assertThat(outcome("success")).isEqualTo(1);
    assertThat(outcome("disk_full")).isZero();
    // 700 000 bytes before the cut, the rest after it: a resume does not fetch (or count) them twice.
    assertThat(registry.get("dpf.provisioning.bfb.downloaded").counter().count()).isEqualTo(SIZE);
  }

  private BfbDownloads.Attempt startAndFinish() {
    BfbDownloads.Attempt attempt = downloads.start("ns/bf", URI.create(server.url("bf.bfb")), dir.resolve(".part"),
        dir.resolve("bf.bfb"), Optional.empty());
    await().atMost(Duration.ofSeconds(30)).until(() -> !attempt.running());
    return attempt;
  }

  private double outcome(String outcome) {
    return registry.get("dpf.provisioning.bfb.downloads").tag("outcome", outcome).counter().count();
  }
}
