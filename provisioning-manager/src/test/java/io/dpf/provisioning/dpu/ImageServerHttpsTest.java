package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.redfish.BlueFieldBmcSimulator;
import io.dpf.provisioning.redfish.RedfishClient;
import io.dpf.provisioning.redfish.RedfishException;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.KeyAndCertificate;
import io.dpf.runtime.tls.TlsContexts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image endpoint over HTTPS with a certificate from a Secret's files, pulled by the BMC simulator. */
class ImageServerHttpsTest {

  @TempDir
  Path bfbDir;
  @TempDir
  Path secretDir;

  @Test
  void theBmcPullsBfbAndConfigOverHttpsTrustingTheGivenCa() throws Exception {
    Files.write(bfbDir.resolve("dpu.bfb"), new byte[3 * 1024 * 1024 + 11]);
    Files.writeString(bfbDir.resolve("dpu.cfg"), "UPDATE_DPU_OS=yes\n");
    CertificateAuthority imageCa = CertificateAuthority.create("image-ca");
    KeyAndCertificate serving = imageCa.issueServer("dpf-image-server", List.of("localhost"), List.of("127.0.0.1"));
    serving.writeTo(secretDir.resolve("tls.crt"), secretDir.resolve("tls.key"));
    CertificateAuthority bmcCa = CertificateAuthority.create("bmc-ca");
    ProvisioningSettings settings = ProvisioningSettings.defaults().withBfbDir(bfbDir).withImageServer(0, null)
        .withImageTls(ProvisioningSettings.ImageTls.fromSecret(secretDir));

    try (ImageServer images = ImageServer.start(settings);
        BlueFieldBmcSimulator bmc = BlueFieldBmcSimulator.start(bmcCa, "s3cret")) {
      bmc.trustImageServer(imageCa.certificate());
      RedfishClient redfish = new RedfishClient(bmc.uri(), TlsContexts.trusting(List.of(bmcCa.certificate())),
          BlueFieldBmcSimulator.USER, "s3cret", Duration.ofSeconds(10));
      String url = images.urlFor("dpu.bfb", "dpu.cfg");

      String task = redfish.simpleUpdate(url, "HTTPS");

      await().atMost(Duration.ofSeconds(30)).until(() -> redfish.task(task).finished());
      assertThat(URI.create(url).getScheme()).isEqualTo("https");
      assertThat(redfish.task(task).succeeded()).as(redfish.task(task).lastMessage()).isTrue();
      assertThat(bmc.pushedImages()).containsExactly(DpuObserver.sha256Of(bfbDir, "dpu.bfb", "dpu.cfg"));
      assertThat(bmc.transfers()).containsExactly("SimpleUpdate HTTPS");
      // A BMC told HTTP for an https URL is refused, as a real one would fail the transfer.
      assertThatThrownBy(() -> redfish.simpleUpdate(url, "HTTP")).isInstanceOf(RedfishException.class)
          .hasMessageContaining("HTTP 400");
    }
  }

  @Test
  void aBmcThatDoesNotTrustTheImageServerFailsTheTransfer() throws Exception {
    Files.write(bfbDir.resolve("dpu.bfb"), new byte[1024]);
    Files.writeString(bfbDir.resolve("dpu.cfg"), "x\n");
    CertificateAuthority bmcCa = CertificateAuthority.create("bmc-ca");
    ProvisioningSettings settings = ProvisioningSettings.defaults().withBfbDir(bfbDir).withImageServer(0, null)
        .withImageTls(ProvisioningSettings.ImageTls.generated());

    try (ImageServer images = ImageServer.start(settings);
        BlueFieldBmcSimulator bmc = BlueFieldBmcSimulator.start(bmcCa, "s3cret")) {
      bmc.trustImageServer(CertificateAuthority.create("some-other-ca").certificate());
      RedfishClient redfish = new RedfishClient(bmc.uri(), TlsContexts.trusting(List.of(bmcCa.certificate())),
          BlueFieldBmcSimulator.USER, "s3cret", Duration.ofSeconds(10));

      String task = redfish.simpleUpdate(images.urlFor("dpu.bfb", "dpu.cfg"), "HTTPS");

      await().atMost(Duration.ofSeconds(30)).until(() -> redfish.task(task).finished());
      assertThat(redfish.task(task).succeeded()).isFalse();
      assertThat(redfish.task(task).lastMessage()).contains("Image transfer failed");
      assertThat(bmc.pushedImages()).isEmpty();
    }
  }

  @Test
  void aGeneratedCertificateNamesTheHostBmcsUse() throws Exception {
    assertThat(subjectAltNames(ImageServerTls.generate("https://10.0.0.5:8090"))).contains("10.0.0.5", "127.0.0.1");
    assertThat(subjectAltNames(ImageServerTls.generate("https://images.dpf.example:8090")))
        .contains("images.dpf.example", "localhost");
    assertThat(subjectAltNames(ImageServerTls.generate("https://cafe:8090"))).contains("cafe");
  }

  static List<String> subjectAltNames(KeyAndCertificate identity) throws Exception {
    return identity.certificate().getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
  }
}
