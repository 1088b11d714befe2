package io.dpf.runtime.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** SSLContexts built from our own key material rather than from the JVM's defaults. */
public final class TlsContexts {

  // In-memory key stores only; the password protects nothing but is required by the API.
  private static final char[] NO_PASSWORD = "unused".toCharArray();

  private TlsContexts() {}

  /**
   * Trusts exactly the given certificates and nothing from the JVM's CA list: a pinned BMC
   * certificate, or the CA of a cluster we started.
   */
  public static SSLContext trusting(List<X509Certificate> pinned) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers(pinned).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  /** Presents {@code identity} (a serving or client certificate) and trusts {@code trusted}. */
  public static SSLContext presenting(KeyAndCertificate identity, List<X509Certificate> trusted) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("identity", identity.privateKey(), NO_PASSWORD,
          new X509Certificate[] {identity.certificate()});
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(),
          trusted.isEmpty() ? null : trustManagers(trusted).getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context", e);
    }
  }

  private static TrustManagerFactory trustManagers(List<X509Certificate> pinned)
      throws GeneralSecurityException, IOException {
    if (pinned.isEmpty()) {
      throw new IllegalArgumentException("pinning needs at least one certificate");
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < pinned.size(); i++) {
      store.setCertificateEntry("pinned-" + i, pinned.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory;
  }
}
