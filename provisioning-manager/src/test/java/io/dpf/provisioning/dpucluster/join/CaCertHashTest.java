package io.dpf.provisioning.dpucluster.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.runtime.tls.CertificateAuthority;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CaCertHashTest {

  @Test
  void hashesTheSubjectPublicKeyInfoOfTheCaCertificate() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("dpu-cluster-ca");
    byte[] spki = subjectPublicKeyInfo(ca.certificate().getEncoded());
    String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(spki));

    assertThat(CaCertHash.of(ca.certificatePem())).isEqualTo(expected).matches("sha256:[0-9a-f]{64}");
    // The hash pins the key, not the certificate: hashing the whole certificate would be a different value.
    String wholeCertificate = "sha256:" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(ca.certificate().getEncoded()));
    assertThat(CaCertHash.of(ca.certificatePem())).isNotEqualTo(wholeCertificate);
  }

  @Test
  void bundleIsHashedByItsFirstCertificate() {
    CertificateAuthority first = CertificateAuthority.create("first");
    CertificateAuthority second = CertificateAuthority.create("second");
    assertThat(CaCertHash.of(first.certificatePem() + second.certificatePem())).isEqualTo(CaCertHash.of(first.certificate()));
  }

  /**
   * The SubjectPublicKeyInfo read out of the certificate's DER by hand (RFC 5280 §4.1: the seventh
   * element of TBSCertificate, after the optional [0] version), so the expected value does not come
   * from the same JDK call as the code under test.
   */
  static byte[] subjectPublicKeyInfo(byte[] certificateDer) {
    ByteBuffer certificate = contentOf(ByteBuffer.wrap(certificateDer));
    ByteBuffer tbs = contentOf(certificate);
    if ((tbs.get(tbs.position()) & 0xff) == 0xa0) {
      skip(tbs);
    }
    for (int i = 0; i < 5; i++) { // serial, signature, issuer, validity, subject
      skip(tbs);
    }
    int start = tbs.position();
    skip(tbs);
    return Arrays.copyOfRange(tbs.array(), tbs.arrayOffset() + start, tbs.arrayOffset() + tbs.position());
  }

  /** Reads one element's header and returns a view of its content, advancing past the element. */
  private static ByteBuffer contentOf(ByteBuffer in) {
    in.get();
    int length = length(in);
    ByteBuffer content = in.slice(in.position(), length);
    in.position(in.position() + length);
    return content;
  }

  private static void skip(ByteBuffer in) {
    contentOf(in);
  }

  private static int length(ByteBuffer in) {
    int first = in.get() & 0xff;
    if (first < 0x80) {
      return first;
    }
    int length = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      length = (length << 8) | (in.get() & 0xff);
    }
    return length;
  }
}
