package io.dpf.dpuservice.credentials;

import java.time.Duration;
import java.time.Instant;

/**
 * How long tokens live and when they are renewed: DPF's bounds (at least 10 minutes, at most 24
 * hours; 1 hour when unset), renewed once 80% of the lifetime has passed, so a consumer reading the
 * Secret never holds an expired token for long.
 */
final class TokenLifetime {

  static final Duration MIN = Duration.ofMinutes(10);
  static final Duration MAX = Duration.ofHours(24);
  static final Duration DEFAULT = Duration.ofHours(1);

  private TokenLifetime() {}

  static Duration requested(String duration) {
    Duration asked = duration == null || duration.isBlank() ? DEFAULT : GoDuration.parse(duration);
    if (asked.compareTo(MIN) < 0) {
      return MIN;
    }
    return asked.compareTo(MAX) > 0 ? MAX : asked;
  }

  /** When a token issued at {@code issuedAt} that expires at {@code expiresAt} must be replaced. */
  static Instant renewAt(Instant issuedAt, Instant expiresAt) {
    Duration lifetime = Duration.between(issuedAt, expiresAt);
    return issuedAt.plus(lifetime.multipliedBy(8).dividedBy(10));
  }
}
