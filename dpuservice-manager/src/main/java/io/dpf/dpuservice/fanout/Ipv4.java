package io.dpf.dpuservice.fanout;

/** IPv4 addresses and CIDRs as numbers, for checking that addresses lie inside a network. */
final class Ipv4 {

  record Cidr(long base, int prefix) {
    boolean contains(long address) {
      return (address & mask(prefix)) == base;
    }

    boolean contains(Cidr inner) {
      return inner.prefix >= prefix && contains(inner.base);
    }
  }

  private Ipv4() {}

  static Cidr cidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(text + " is not a CIDR");
    }
    int prefix = Integer.parseInt(text.substring(slash + 1));
    if (prefix < 0 || prefix > 32) {
      throw new IllegalArgumentException(text + " has an invalid prefix length");
    }
    return new Cidr(address(text.substring(0, slash)) & mask(prefix), prefix);
  }

  static long address(String text) {
    String[] parts = text.split("\\.");
    if (parts.length != 4) {
      throw new IllegalArgumentException(text + " is not an IPv4 address");
    }
    long value = 0;
    for (String part : parts) {
      int octet = Integer.parseInt(part);
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException(text + " is not an IPv4 address");
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  private static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }
}
