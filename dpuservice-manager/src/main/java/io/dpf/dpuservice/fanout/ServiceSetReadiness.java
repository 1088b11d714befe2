package io.dpf.dpuservice.fanout;

import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.svc.v1alpha1.ServiceSetStatus;
import java.util.Optional;

/** A ServiceChainSet or ServiceInterfaceSet is ready when the DPU-side set controller says so. */
final class ServiceSetReadiness {

  private ServiceSetReadiness() {}

  static Optional<String> notReady(String kind, String name, ServiceSetStatus status) {
    if (Conditions.isTrue(status, ConditionTypes.READY)) {
      return Optional.empty();
    }
    String why = status == null || status.getConditions() == null ? "no status yet"
        : status.getConditions().stream().filter(c -> ConditionTypes.READY.equals(c.getType()))
            .map(c -> c.getReason() + (c.getMessage() == null || c.getMessage().isEmpty() ? "" : ": " + c.getMessage()))
            .findFirst().orElse("no Ready condition yet");
    return Optional.of(kind + " " + name + " is not ready (" + why + ")");
  }
}
