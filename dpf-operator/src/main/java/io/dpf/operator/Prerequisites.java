package io.dpf.operator;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.dpf.operator.inventory.ComponentSettings;
import io.dpf.operator.inventory.InvalidConfigException;
import io.dpf.operator.inventory.Inventory;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user must provide before a component can run, checked before it is deployed: the BFB
 * PersistentVolumeClaim of the provisioning controller. A missing one blocks the component's
 * rollout (what runs keeps running: a typo cannot take the provisioning controller down); one that
 * exists but is not Bound yet is reported while the rollout goes ahead (a WaitForFirstConsumer class
 * binds it only once the pod is scheduled).
 *
 * @see DPFOperatorConfigReconciler
 */
final class Prerequisites {

  /** Per component: what blocks its deployment, and what it waits for while deployed. */
  record Outcome(Map<String, String> blocking, Map<String, String> waiting) {}

  private final KindCache<PersistentVolumeClaim> claims;

  Prerequisites(KindCache<PersistentVolumeClaim> claims) {
    this.claims = claims;
  }

  Outcome check(DPFOperatorConfig config, Map<String, ComponentSettings> settings) {
    Map<String, String> blocking = new LinkedHashMap<>();
    Map<String, String> waiting = new LinkedHashMap<>();
    ComponentSettings provisioning = settings.get(OperatorNames.PROVISIONING_CONTROLLER);
    if (provisioning != null && provisioning.enabled()) {
      String namespace = config.getMetadata().getNamespace();
      String pvc;
      try {
        pvc = Inventory.bfbPvcName(config.getSpec());
      } catch (InvalidConfigException e) {
        return new Outcome(blocking, waiting); // rendering reports the missing name
      }
      PersistentVolumeClaim claim = claims.get(namespace, pvc);
      String what = "BFB PersistentVolumeClaim " + namespace + "/" + pvc;
      if (claim == null) {
        blocking.put(OperatorNames.PROVISIONING_CONTROLLER, what + " does not exist; the provisioning"
            + "  controller is not rolled out until it does");
      } else if (claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase())) {
        waiting.put(OperatorNames.PROVISIONING_CONTROLLER, what + " is "
            + (claim.getStatus() == null || claim.getStatus().getPhase() == null ? "Pending" : claim.getStatus().getPhase())
            + ", not Bound");
      }
    }
    return new Outcome(blocking, waiting);
  }
}
