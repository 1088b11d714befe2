package io.dpf.runtime.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A private key and the certificate issued for it. */
public record KeyAndCertificate(PrivateKey privateKey, X509Certificate certificate) {

  public String certificatePem() {
    return Pem.encode(certificate);
  }

  /** PKCS#8 ("BEGIN PRIVATE KEY"), which kube-apiserver, etcd, fabric8 and OpenSSL all read. */
  public String privateKeyPem() {
    return Pem.encode(privateKey);
  }

  /** Writes both PEM files; the key file is readable by its owner only, as kube-apiserver expects. */
  public void writeTo(Path certificateFile, Path privateKeyFile) throws IOException {
    Files.writeString(certificateFile, certificatePem());
    Files.writeString(privateKeyFile, privateKeyPem());
    Pem.restrictToOwner(privateKeyFile);
  }
}
