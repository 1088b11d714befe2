package io.dpf.provisioning.redfish;

import java.util.Locale;

/**
 * How the client proves who it is to a BMC (DMTF DSP0266 "Authentication"): HTTP Basic on every
 * request, or a Redfish session (one login, then the {@code X-Auth-Token} it returned).
 */
public enum RedfishAuth {
  BASIC("basic"),
  SESSION("session");

  private final String value;

  RedfishAuth(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  /** {@code basic} or {@code session}, any case; null or blank means basic. */
  public static RedfishAuth parse(String text) {
    if (text == null || text.isBlank()) {
      return BASIC;
    }
    for (RedfishAuth auth : values()) {
      if (auth.value.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return auth;
      }
    }
    throw new IllegalArgumentException("authMethod must be basic or session, not \"" + text.trim() + "\"");
  }
}
