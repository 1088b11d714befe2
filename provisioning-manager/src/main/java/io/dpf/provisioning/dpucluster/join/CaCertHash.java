package io.dpf.provisioning.dpucluster.join;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * kubeadm's {@code --discovery-token-ca-cert-hash}: {@code sha256:} and the hex SHA-256 of the CA
 * certificate's DER-encoded SubjectPublicKeyInfo (not of the whole certificate), so a joining node
 * can pin the CA it discovers through the cluster-info ConfigMap. Computed here with the JDK alone.
 */
public final class CaCertHash {

  private CaCertHash() {}

  /** The hash of the first certificate in {@code pem} (a kubeconfig's CA bundle starts with the cluster CA). */
  public static String of(String pem) {
    try {
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      return of(certificate);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("cluster CA is not a PEM certificate: " + e.getMessage(), e);
    }
  }

  public static String of(X509Certificate certificate) {
    try {
      // getEncoded() of a certificate's public key is exactly the DER SubjectPublicKeyInfo.
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
