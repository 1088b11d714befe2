package io.dpf.runtime.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-made certificate authority for clusters, simulators and webhooks we start ourselves.
 *
 * <p>Keys are RSA 2048: every consumer here (kube-apiserver, etcd, fabric8's kubeconfig loader,
 * Python Redfish emulators) reads RSA without extra configuration.
 */
public final class CertificateAuthority {

  private static final Duration VALIDITY = Duration.ofDays(3650);
  // Clocks of freshly started processes may lag a little; do not issue certificates "from the future".
  private static final Duration BACKDATE = Duration.ofMinutes(5);
  private static final String SIGNATURE = "SHA256withRSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyAndCertificate ca;

  private CertificateAuthority(KeyAndCertificate ca) {
    this.ca = ca;
  }

  public static CertificateAuthority create(String commonName) {
    KeyPair keys = newKeyPair();
    X500Name subject = name(commonName);
    X509Certificate certificate = sign(subject, keys.getPublic(), subject, keys, builder -> {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
    });
    return new CertificateAuthority(new KeyAndCertificate(keys.getPrivate(), certificate));
  }

  /** An authority saved earlier, for example a cached cluster CA. */
  public static CertificateAuthority load(String certificatePem, String privateKeyPem) {
    X509Certificate certificate = Pem.decodeCertificate(certificatePem);
    return new CertificateAuthority(
        new KeyAndCertificate(Pem.decodePrivateKey(privateKeyPem), certificate));
  }

  public KeyAndCertificate keyAndCertificate() {
    return ca;
  }

  public X509Certificate certificate() {
    return ca.certificate();
  }

  public String certificatePem() {
    return ca.certificatePem();
  }

  /** A TLS serving certificate; {@code ips} are literal addresses such as "127.0.0.1". */
  public KeyAndCertificate issueServer(String commonName, List<String> dnsNames, List<String> ips) {
    List<GeneralName> sans = new ArrayList<>();
    dnsNames.forEach(dns -> sans.add(new GeneralName(GeneralName.dNSName, dns)));
    ips.forEach(ip -> sans.add(ipAddress(ip)));
    return issue(name(commonName), KeyPurposeId.id_kp_serverAuth, sans);
  }

  /**
   * A TLS client certificate. Kubernetes reads the common name as the user and each organisation
   * as a group, so {@code issueClient("admin", "system:masters")} is a cluster administrator.
   */
  public KeyAndCertificate issueClient(String commonName, String... organisations) {
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    for (String organisation : organisations) {
      subject.addRDN(BCStyle.O, organisation);
    }
    subject.addRDN(BCStyle.CN, commonName);
    return issue(subject.build(), KeyPurposeId.id_kp_clientAuth, List.of());
  }

  private KeyAndCertificate issue(X500Name subject, KeyPurposeId purpose, List<GeneralName> sans) {
    KeyPair keys = newKeyPair();
    X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    KeyPair caKeys = new KeyPair(ca.certificate().getPublicKey(), ca.privateKey());
    X509Certificate certificate = sign(subject, keys.getPublic(), issuer, caKeys, builder -> {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          extensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
      if (!sans.isEmpty()) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(sans.toArray(GeneralName[]::new)));
      }
    });
    return new KeyAndCertificate(keys.getPrivate(), certificate);
  }

  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws CertIOException, GeneralSecurityException;
  }

  private static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer,
      KeyPair issuerKeys, Extensions extensions) {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
          new BigInteger(127, RANDOM), Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)),
          subject, subjectKey);
      builder.addExtension(Extension.subjectKeyIdentifier, false,
          extensionUtils().createSubjectKeyIdentifier(subjectKey));
      extensions.add(builder);
      var signer = new JcaContentSignerBuilder(SIGNATURE).build(issuerKeys.getPrivate());
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot sign certificate for " + subject, e);
    }
  }

  private static JcaX509ExtensionUtils extensionUtils() {
    try {
      return new JcaX509ExtensionUtils();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is not available for key identifiers", e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static GeneralName ipAddress(String ip) {
    try {
      return new GeneralName(GeneralName.iPAddress, ip);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }
}
