package io.dpf.provisioning.bfb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * An expected digest of a BFB, written {@code sha256:<hex>} (also sha512, md5). BFBSpec has no
 * checksum field in DPF v25.1, so it is read from the BFB annotation {@link #ANNOTATION}.
 */
public record Checksum(String algorithm, String hex) {

  public static final String ANNOTATION = "provisioning.dpu.nvidia.com/bfb-checksum";

  public static Optional<Checksum> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    int colon = value.indexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException("checksum must look like sha256:<hex>, got " + value);
    }
    String algorithm = switch (value.substring(0, colon).toLowerCase(Locale.ROOT)) {
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      case "md5" -> "MD5";
      default -> throw new IllegalArgumentException("unsupported checksum algorithm in " + value);
    };
    return Optional.of(new Checksum(algorithm, value.substring(colon + 1).trim().toLowerCase(Locale.ROOT)));
  }

  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " missing from the JRE", e);
    }
  }

  public boolean matches(byte[] digest) {
    return HexFormat.of().formatHex(digest).equals(hex);
  }
}
