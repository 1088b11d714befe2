package io.dpf.testkit;

import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.KeyAndCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The PKI of one local cluster, written as files the control-plane binaries read: a CA, the API
 * server's serving certificate, an admin client certificate (group system:masters) and the service
 * account signing key.
 */
public final class ClusterCredentials {

  private final Path dir;
  private final CertificateAuthority ca;
  private final KeyAndCertificate admin;

  private ClusterCredentials(Path dir, CertificateAuthority ca, KeyAndCertificate admin) {
    this.dir = dir;
    this.ca = ca;
    this.admin = admin;
  }

  /** {@code apiServerAddress} is the address the API server listens on, in its certificate too. */
  static ClusterCredentials create(Path clusterDir, String apiServerAddress) throws IOException {
    Path dir = Files.createDirectories(clusterDir.resolve("pki"));
    CertificateAuthority ca = CertificateAuthority.create("kubernetes-ca");
    ca.keyAndCertificate().writeTo(dir.resolve("ca.crt"), dir.resolve("ca.key"));
    List<String> ips = apiServerAddress.equals("127.0.0.1") ? List.of("127.0.0.1", "10.0.0.1")
        : List.of("127.0.0.1", "10.0.0.1", apiServerAddress);
    ca.issueServer("kube-apiserver",
            List.of("localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
                "kubernetes.default.svc.cluster.local"),
            ips)
        .writeTo(dir.resolve("apiserver.crt"), dir.resolve("apiserver.key"));
    // The API server's client certificate towards kubelets (logs, exec, port-forward, proxy).
    ca.issueClient("kube-apiserver-kubelet-client", "system:masters")
        .writeTo(dir.resolve("apiserver-kubelet-client.crt"), dir.resolve("apiserver-kubelet-client.key"));
    KeyAndCertificate admin = ca.issueClient("admin", "system:masters");
    // Service-account tokens are signed with their own key; the server verifies with its public half.
    KeyAndCertificate serviceAccounts = ca.issueClient("service-accounts");
    serviceAccounts.writeTo(dir.resolve("sa.crt"), dir.resolve("sa.key"));
    Files.writeString(dir.resolve("sa.pub"), publicKeyPem(serviceAccounts));
    return new ClusterCredentials(dir, ca, admin);
  }

  public Path dir() {
    return dir;
  }

  public String caCertificatePem() {
    return ca.certificatePem();
  }

  public CertificateAuthority certificateAuthority() {
    return ca;
  }

  KeyAndCertificate admin() {
    return admin;
  }

  private static String publicKeyPem(KeyAndCertificate key) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
        key.certificate().getPublicKey().getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }
}
