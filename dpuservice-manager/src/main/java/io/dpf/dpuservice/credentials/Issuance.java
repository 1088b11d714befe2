package io.dpf.dpuservice.credentials;

import io.fabric8.kubernetes.api.model.Secret;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token a credential Secret holds: when it was issued, when it expires, and for which generation
 * of its request, recorded on the Secret itself. Renewal is decided from the Secret, read from the
 * API, not from the request's status: the Secret is written before the status that reports the
 * token, so a cached request from in between (any event can start a reconcile there) looks as if
 * no token was issued, and a second one would be.
 */
record Issuance(String issuedAt, String expiresAt, long generation) {

  static final String ISSUED_AT = "dpu.nvidia.com/credential-issued-at";
  static final String EXPIRES_AT = "dpu.nvidia.com/credential-expires-at";
  static final String GENERATION = "dpu.nvidia.com/credential-request-generation";

  /** What {@code secret} records, or null when it is missing or records nothing usable (then: issue). */
  static Issuance recordedOn(Secret secret) {
    if (secret == null || secret.getMetadata().getAnnotations() == null) {
      return null;
    }
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    try {
      Issuance issued = new Issuance(annotations.get(ISSUED_AT), annotations.get(EXPIRES_AT),
          Long.parseLong(annotations.getOrDefault(GENERATION, "")));
      issued.renewAt(); // both times parse
      return issued;
    } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
      return null;
    }
  }

  /** 80% into the token's life (see {@link TokenLifetime}). */
  Instant renewAt() {
    return TokenLifetime.renewAt(Instant.parse(issuedAt), Instant.parse(expiresAt));
  }

  /** {@code secret} with this record among its annotations. */
  Secret stamp(Secret secret) {
    Map<String, String> annotations = new LinkedHashMap<>();
    if (secret.getMetadata().getAnnotations() != null) {
      annotations.putAll(secret.getMetadata().getAnnotations());
    }
    annotations.put(ISSUED_AT, issuedAt);
    annotations.put(EXPIRES_AT, expiresAt);
    annotations.put(GENERATION, String.valueOf(generation));
    secret.getMetadata().setAnnotations(annotations);
    return secret;
  }
}
