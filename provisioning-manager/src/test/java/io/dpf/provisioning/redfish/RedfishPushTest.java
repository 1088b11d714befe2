package io.dpf.provisioning.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.TlsContexts;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushing BFB + bf.cfg to the BMC simulator's HttpPushUri, and reading what its UpdateService offers. */
class RedfishPushTest {

  static CertificateAuthority ca;
  static BlueFieldBmcSimulator bmc;
  @TempDir
  static Path dir;
  static Path bfb;
  static Path cfg;

  @BeforeAll
  static void start() throws Exception {
    ca = CertificateAuthority.create("bmc-push-ca");
    bmc = BlueFieldBmcSimulator.start(ca, "s3cret");
    bfb = dir.resolve("dpu.bfb");
    byte[] chunk = new byte[64 * 1024];
    Random random = new Random(7);
    try (OutputStream out = Files.newOutputStream(bfb)) {
      for (int i = 0; i < 48; i++) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
      out.write(chunk, 0, 13);
    }
    cfg = Files.writeString(dir.resolve("dpu.cfg"), "UPDATE_DPU_OS=yes\nWITH_NIC_FW_UPDATE=yes\n");
  }

  @AfterAll
  static void stop() {
    bmc.close();
  }

  @AfterEach
  void heal() {
    bmc.offerSimpleUpdate(true);
    bmc.requireSessions(false);
  }

  RedfishClient client(RedfishAuth auth) {
    return new RedfishClient(bmc.uri(), TlsContexts.trusting(List.of(ca.certificate())), BlueFieldBmcSimulator.USER,
        "s3cret", auth, Duration.ofSeconds(10));
  }

  @Test
  void theBfbAndItsConfigArrivePushedAsOneImageAndTheTaskCompletes() throws Exception {
    RedfishClient redfish = client(RedfishAuth.BASIC);
    AtomicLong sent = new AtomicLong();

    String task = redfish.pushImage(redfish.updateService().httpPushUri(), List.of(bfb, cfg), sent, Duration.ofMinutes(1));

    await().atMost(Duration.ofSeconds(30)).until(() -> redfish.task(task).finished());
    assertThat(redfish.task(task).succeeded()).as(redfish.task(task).lastMessage()).isTrue();
    assertThat(bmc.pushedImages()).last().isEqualTo(sha256(bfb, cfg));
    assertThat(bmc.transfers()).last().isEqualTo("HttpPushUri");
    assertThat(sent.get()).isEqualTo(Files.size(bfb) + Files.size(cfg));
  }

  @Test
  void aPushWorksWithASessionToo() throws Exception {
    bmc.requireSessions(true);
    try (RedfishClient redfish = client(RedfishAuth.SESSION)) {
      String task = redfish.pushImage(BlueFieldBmcSimulator.PUSH_URI, List.of(bfb, cfg), new AtomicLong(),
          Duration.ofMinutes(1));

      await().atMost(Duration.ofSeconds(30)).until(() -> redfish.task(task).finished());
      assertThat(redfish.task(task).succeeded()).isTrue();
      assertThat(bmc.pushedImages()).last().isEqualTo(sha256(bfb, cfg));
    }
  }

  @Test
  void theUpdateServiceSaysWhetherItPullsAndWhereItTakesPushes() throws Exception {
    UpdateServiceInfo both = client(RedfishAuth.BASIC).updateService();
    bmc.offerSimpleUpdate(false);
    UpdateServiceInfo pushOnly = client(RedfishAuth.BASIC).updateService();

    assertThat(both.simpleUpdate()).isTrue();
    assertThat(both.transferProtocols()).contains("HTTP", "HTTPS");
    assertThat(both.httpPushUri()).isEqualTo(BlueFieldBmcSimulator.PUSH_URI);
    assertThat(pushOnly.simpleUpdate()).isFalse();
    assertThat(pushOnly.httpPushUri()).isEqualTo(BlueFieldBmcSimulator.PUSH_URI);
  }

  static String sha256(Path... files) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (Path file : files) {
      sha.update(Files.readAllBytes(file));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
