package io.dpf.images;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests in the "sha256:&lt;hex&gt;" form that OCI descriptors use. */
final class Sha256 {

  private Sha256() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  static String of(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  static String hex(String digest) {
    return digest.substring("sha256:".length());
  }

  /** Passes bytes on while digesting and counting them. */
  static final class Counting extends FilterOutputStream {
    private final MessageDigest digest = newDigest();
    private long count;

    Counting(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      count += len;
    }

    String digest() {
      return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    long count() {
      return count;
    }
  }
}
