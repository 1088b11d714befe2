package io.dpf.dpuservice.deployment;

import io.dpf.api.provisioning.v1alpha1.DPUFlavorSpec;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the services' resource requirements fit on one DPU: their sum must not exceed the
 * flavor's {@code dpuResources − systemReservedResources}. A flavor that declares no DPU resources
 * does not constrain (nothing to check against).
 */
final class ResourceFitting {

  private ResourceFitting() {}

  /** @return one line per resource that does not fit; empty when everything fits */
  static List<String> misfits(DPUFlavorSpec flavor, Iterable<DPUServiceTemplate> templates) {
    if (flavor == null || flavor.getDpuResources() == null || flavor.getDpuResources().isEmpty()) {
      return List.of();
    }
    Map<String, BigDecimal> required = new TreeMap<>();
    for (DPUServiceTemplate template : templates) {
      Map<String, Quantity> requirements = template.getSpec().getResourceRequirements();
      if (requirements != null) {
        requirements.forEach((resource, quantity) ->
            required.merge(resource, quantity.getNumericalAmount(), BigDecimal::add));
      }
    }
    List<String> misfits = new ArrayList<>();
    required.forEach((resource, amount) -> {
      Quantity total = flavor.getDpuResources().get(resource);
      BigDecimal available = total == null ? BigDecimal.ZERO : total.getNumericalAmount();
      Quantity reserved = flavor.getSystemReservedResources() == null ? null
          : flavor.getSystemReservedResources().get(resource);
      if (reserved != null) {
        available = available.subtract(reserved.getNumericalAmount());
      }
      if (amount.compareTo(available) > 0) {
        misfits.add(resource + ": services need " + amount.stripTrailingZeros().toPlainString() + ", the flavor has "
            + available.stripTrailingZeros().toPlainString() + " after system reservations");
      }
    });
    return misfits;
  }
}
