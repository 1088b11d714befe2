package io.dpf.provisioning.dpu;

import io.dpf.api.provisioning.v1alpha1.DPU;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How often a DPU's provisioning failed in a row and when it last did, kept in the annotation
 * {@value #ANNOTATION} ({@code <attempt>;<instant>}). DPUStatus (v25.1) has no field for it, and the
 * backoff must survive a manager restart. Cleared when the DPU reaches Ready.
 */
public record RetryRecord(int attempt, Instant failedAt) {

  public static final String ANNOTATION = "provisioning.dpu.nvidia.com/retry";

  public static Optional<RetryRecord> of(DPU dpu) {
    Map<String, String> annotations = dpu.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(ANNOTATION);
    if (value == null || !value.contains(";")) {
      return Optional.empty();
    }
    try {
      String[] parts = value.split(";", 2);
      return Optional.of(new RetryRecord(Integer.parseInt(parts[0]), Instant.parse(parts[1])));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  public String format() {
    return attempt + ";" + failedAt;
  }
}
