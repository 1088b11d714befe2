package io.dpf.runtime.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

  private static final CertificateAuthority CA = CertificateAuthority.create("dpf-test-ca");

  @Test
  void serverCertificateIsSignedByTheAuthorityAndCarriesItsNames() throws Exception {
    KeyAndCertificate server = CA.issueServer("kube-apiserver",
        List.of("localhost", "kubernetes.default.svc"), List.of("127.0.0.1", "::1"));

    X509Certificate certificate = server.certificate();
    certificate.verify(CA.certificate().getPublicKey());
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=kube-apiserver");
    assertThat(certificate.getSubjectAlternativeNames())
        .extracting(san -> (Object) san.get(1))
        .containsExactlyInAnyOrder(
            "localhost", "kubernetes.default.svc", "127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(CA.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void clientCertificateNamesUserAndGroupsTheWayKubernetesReadsThem() throws Exception {
    KeyAndCertificate admin = CA.issueClient("admin", "system:masters");

    assertThat(admin.certificate().getSubjectX500Principal().getName())
        .isEqualTo("CN=admin,O=system:masters");
    assertThat(admin.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
  }

  @Test
  void pemRoundTripsKeysCertificatesAndTheAuthorityItself() {
    KeyAndCertificate client = CA.issueClient("someone");

    assertThat(client.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Pem.decodeCertificate(client.certificatePem())).isEqualTo(client.certificate());
    assertThat(Pem.decodePrivateKey(client.privateKeyPem())).isEqualTo(client.privateKey());
    assertThat(Pem.decodeCertificates(client.certificatePem() + CA.certificatePem()))
        .containsExactly(client.certificate(), CA.certificate());

    CertificateAuthority reloaded = CertificateAuthority.load(
        CA.certificatePem(), CA.keyAndCertificate().privateKeyPem());
    assertThat(reloaded.certificate()).isEqualTo(CA.certificate());
  }

  @Test
  void writesKeyAndCertificateFilesAndReadsAPinnedCertificateBack(@TempDir Path dir) throws Exception {
    KeyAndCertificate server = CA.issueServer("bmc", List.of("bmc.local"), List.of());
    server.writeTo(dir.resolve("tls.crt"), dir.resolve("tls.key"));

    assertThat(Pem.readCertificate(dir.resolve("tls.crt"))).isEqualTo(server.certificate());
    assertThat(Files.getPosixFilePermissions(dir.resolve("tls.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void rejectsTextWithoutPemContent() {
    assertThatThrownBy(() -> Pem.decodeCertificate("hello")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CA.issueServer("x", List.of(), List.of("not-an-ip")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pinnedCertificateIsTheOnlyOneTrusted() throws Exception {
    KeyAndCertificate server = CA.issueServer("bmc", List.of("localhost"), List.of("127.0.0.1"));
    KeyAndCertificate stranger = CertificateAuthority.create("other-ca")
        .issueServer("bmc", List.of("localhost"), List.of("127.0.0.1"));

    assertThat(handshake(server, server.certificate())).isEqualTo(42);
    assertThat(handshake(server, CA.certificate())).isEqualTo(42);
    assertThatThrownBy(() -> handshake(stranger, server.certificate()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  /** Serves one byte over TLS with {@code identity} and reads it with a client pinning {@code pin}. */
  private static int handshake(KeyAndCertificate identity, X509Certificate pin) throws Exception {
    var serverContext = TlsContexts.presenting(identity, List.of());
    try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
        try (var socket = listener.accept(); OutputStream out = socket.getOutputStream()) {
          out.write(42);
          out.flush();
        } catch (Exception ignored) {
          // the client refusing the handshake is the expected failure; the assertion is client-side
        }
      });
      var clientContext = TlsContexts.trusting(List.of(pin));
      try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
          InputStream in = socket.getInputStream()) {
        int read = in.read();
        served.get(5, TimeUnit.SECONDS);
        return read;
      }
    }
  }
}
