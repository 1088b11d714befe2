package io.dpf.provisioning.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dpf.provisioning.bfb.BfbFileServer;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.TlsContexts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Redfish client against the BlueField BMC simulator (HTTPS on loopback, Basic auth). */
class RedfishClientTest {

  static final long SIZE = 2 * 1024 * 1024 + 5;
  static CertificateAuthority ca;
  static BlueFieldBmcSimulator bmc;
  static BfbFileServer images;

  @BeforeAll
  static void start() throws Exception {
    ca = CertificateAuthority.create("bmc-test-ca");
    bmc = BlueFieldBmcSimulator.start(ca, "s3cret");
    images = BfbFileServer.serving(SIZE);
  }

  @AfterAll
  static void stop() {
    bmc.close();
    images.close();
  }

  @AfterEach
  void heal() {
    bmc.failNextRequests(0, 0);
    bmc.failTasks(null);
    bmc.busy(false);
  }

  RedfishClient client(String password) {
    return new RedfishClient(bmc.uri(), TlsContexts.trusting(List.of(ca.certificate())), BlueFieldBmcSimulator.USER,
        password, Duration.ofSeconds(10));
  }

  @Test
  void simpleUpdatePullsTheImageAndItsTaskCompletes() throws Exception {
    RedfishClient redfish = client("s3cret");

    String task = redfish.simpleUpdate(images.url("dpu.bfb"), "HTTP");

    await().atMost(Duration.ofSeconds(30)).until(() -> redfish.task(task).finished());
    RedfishTask done = redfish.task(task);
    assertThat(done.succeeded()).as(done.lastMessage()).isTrue();
    assertThat(done.percentComplete()).isEqualTo(100);
    assertThat(bmc.pushedImages()).last().isEqualTo(BfbFileServer.sha256(SIZE));
    assertThat(redfish.bootProgress()).isEqualTo("OsIsRunning");
  }

  @Test
  void aFailedTaskSaysWhy() throws Exception {
    bmc.failTasks("no route to image server");
    RedfishClient redfish = client("s3cret");

    String task = redfish.simpleUpdate(images.url("dpu.bfb"), "HTTP");

    await().atMost(Duration.ofSeconds(30)).until(() -> redfish.task(task).finished());
    assertThat(redfish.task(task).succeeded()).isFalse();
    assertThat(redfish.task(task).lastMessage()).contains("no route to image server");
  }

  @Test
  void resetIsAComputerSystemAction() throws Exception {
    client("s3cret").reset("GracefulRestart");

    assertThat(bmc.resets()).contains("GracefulRestart");
  }

  @Test
  void wrongCredentialsAreNamed() {
    assertThatThrownBy(() -> client("wrong").bootProgress()).isInstanceOf(RedfishException.class)
        .hasMessageContaining("HTTP 401").hasMessageContaining("refused the credentials");
  }

  @Test
  void anUntrustedCertificateIsRefused() {
    RedfishClient pinnedToAnother = new RedfishClient(bmc.uri(),
        TlsContexts.trusting(List.of(CertificateAuthority.create("another-ca").certificate())),
        BlueFieldBmcSimulator.USER, "s3cret", Duration.ofSeconds(10));

    assertThatThrownBy(pinnedToAnother::bootProgress).isInstanceOf(RedfishException.class)
        .hasMessageContaining("TLS certificate is not the trusted one");
  }

  @Test
  void serverErrorsAndABusyBmcAreTold() {
    bmc.failNextRequests(500, 1);
    assertThatThrownBy(() -> client("s3cret").bootProgress()).isInstanceOfSatisfying(RedfishException.class,
        e -> assertThat(e.httpStatus()).isEqualTo(500)).hasMessageContaining("simulated BMC fault");

    bmc.busy(true);
    assertThatThrownBy(() -> client("s3cret").simpleUpdate(images.url("dpu.bfb"), "HTTP"))
        .isInstanceOfSatisfying(RedfishException.class, e -> assertThat(e.busy()).isTrue());
  }
}
