package io.dpf.provisioning.dpu;

import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.KeyAndCertificate;
import io.dpf.runtime.tls.Pem;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The image endpoint's serving certificate: from a mounted kubernetes.io/tls Secret, or generated at start. */
public final class ImageServerTls {

  public static final String CERTIFICATE = "tls.crt";
  public static final String KEY = "tls.key";
  /** An IPv4 or IPv6 literal (a host name made of hex letters has no colon). */
  private static final Pattern IP = Pattern.compile("^[0-9.]+$|^\\[?[0-9a-fA-F]*:[0-9a-fA-F:.]*]?$");

  private ImageServerTls() {}

  /** The identity to serve with, or null for plain HTTP. */
  public static KeyAndCertificate identity(ProvisioningSettings.ImageTls tls, String baseUrl) throws IOException {
    if (!tls.https()) {
      return null;
    }
    return tls.certDir() != null ? load(tls.certDir()) : generate(baseUrl);
  }

  /** {@code tls.crt} (its first certificate is the server's) and {@code tls.key} from a Secret's mount. */
  public static KeyAndCertificate load(Path dir) throws IOException {
    Path certificate = dir.resolve(CERTIFICATE);
    Path key = dir.resolve(KEY);
    if (!Files.isRegularFile(certificate) || !Files.isRegularFile(key)) {
      throw new IOException("the image server's TLS directory " + dir + " needs " + CERTIFICATE + " and " + KEY);
    }
    return new KeyAndCertificate(Pem.decodePrivateKey(Files.readString(key, StandardCharsets.UTF_8)),
        Pem.decodeCertificates(Files.readString(certificate, StandardCharsets.UTF_8)).get(0));
  }

  /**
   * A certificate for the host BMCs use in the image URL (and loopback), issued by a CA made now.
   * Its private key never leaves this process.
   */
  static KeyAndCertificate generate(String baseUrl) {
    List<String> dns = new ArrayList<>(List.of("localhost"));
    List<String> ips = new ArrayList<>(List.of("127.0.0.1"));
    String host = baseUrl == null ? null : URI.create(baseUrl).getHost();
    if (host != null && IP.matcher(host).matches()) {
      ips.add(host.replace("[", "").replace("]", ""));
    } else if (host != null) {
      dns.add(host);
    }
    return CertificateAuthority.create("dpf-image-server-ca").issueServer("dpf-image-server", dns, ips);
  }
}
