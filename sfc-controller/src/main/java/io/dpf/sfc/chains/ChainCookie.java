package io.dpf.sfc.chains;

import java.nio.charset.StandardCharsets;

/**
 * The OpenFlow cookie of a chain's flows: the 64-bit FNV-1a hash of {@code <namespace>/<name>}, as
 * DPF computes it, so flows installed by either controller are recognised by the other.
 */
public final class ChainCookie {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private ChainCookie() {}

  public static long of(String namespace, String name) {
    long hash = OFFSET_BASIS;
    for (byte b : (namespace + "/" + name).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= PRIME;
    }
    return hash;
  }

  public static String hex(long cookie) {
    return "0x" + Long.toHexString(cookie);
  }
}
