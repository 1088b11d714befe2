package io.dpf.operator;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.dpf.operator.inventory.ComponentSettings;
import io.dpf.operator.inventory.InvalidConfigException;
import io.dpf.operator.inventory.Inventory;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user must provide before a component can run, checked before it is deployed: the BFB
 * PersistentVolumeClaim of the provisioning controller. A missing one blocks the component's
 * rollout (what runs keeps running: a typo cannot take the provisioning controller down); one that
 * exists but is not Bound yet is reported while the rollout goes ahead (a WaitForFirstConsumer class
 * binds it only once the pod is scheduled). With {@code --no-argocd}, the user's Argo CD: the
 * DPUService controller writes Applications and AppProjects, so it is not rolled out until their
 * CRDs exist and are Established (without them it could not start its watches and never be Ready).
 *
 * @see DPFOperatorConfigReconciler
 */
final class Prerequisites {

  /** Per component: what blocks its deployment, and what it waits for while deployed. */
  record Outcome(Map<String, String> blocking, Map<String, String> waiting) {}

  private final KindCache<PersistentVolumeClaim> claims;
  private final Map<String, KindCache<CustomResourceDefinition>> userArgoCdCrds;

  /** @param userArgoCdCrds a cache per Argo CD CRD name when the user runs Argo CD; empty when the operator does */
  Prerequisites(KindCache<PersistentVolumeClaim> claims,
      Map<String, KindCache<CustomResourceDefinition>> userArgoCdCrds) {
    this.claims = claims;
    this.userArgoCdCrds = userArgoCdCrds;
  }

  Outcome check(DPFOperatorConfig config, Map<String, ComponentSettings> settings) {
    Map<String, String> blocking = new LinkedHashMap<>();
    Map<String, String> waiting = new LinkedHashMap<>();
    ComponentSettings dpuServiceController = settings.get(OperatorNames.DPUSERVICE_CONTROLLER);
    if (dpuServiceController != null && dpuServiceController.enabled()) {
      missingArgoCd().ifPresent(why -> blocking.put(OperatorNames.DPUSERVICE_CONTROLLER, why));
    }
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
            + " controller is not rolled out until it does");
      } else if (claim.getStatus() == null || !"Bound".equals(claim.getStatus().getPhase())) {
        waiting.put(OperatorNames.PROVISIONING_CONTROLLER, what + " is "
            + (claim.getStatus() == null || claim.getStatus().getPhase() == null ? "Pending" : claim.getStatus().getPhase())
            + ", not Bound");
      }
    }
    return new Outcome(blocking, waiting);
  }

  /** The user's Argo CD CRDs that do not exist or are not Established, in words; empty when all are. */
  private Optional<String> missingArgoCd() {
    List<String> missing = new ArrayList<>();
    userArgoCdCrds.forEach((name, cache) -> {
      CustomResourceDefinition crd = cache.get(null, name);
      if (crd == null) {
        missing.add(name + " does not exist");
      } else if (!established(crd)) {
        missing.add(name + " is not Established yet");
      }
    });
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Argo CD is a prerequisite (the operator runs with --no-argocd, chart value "
        + "argoCD.deploy=false) and is not installed: CustomResourceDefinition " + String.join(", ", missing)
        + "; the DPUService controller is not rolled out until it is");
  }

  private static boolean established(CustomResourceDefinition crd) {
    return crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions()
        .stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
