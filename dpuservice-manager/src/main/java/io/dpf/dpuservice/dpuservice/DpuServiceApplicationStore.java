package io.dpf.dpuservice.dpuservice;

import io.dpf.api.LabelKeys;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.reconcile.Prune;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The Applications a DPUService has, found by its name and namespace labels in any namespace, in the
 * manager's shared cache of labelled Applications (the one the DPUService controller watches).
 */
final class DpuServiceApplicationStore {

  private static final String BY_SERVICE = "dpuservice";

  private final KubernetesClient host;
  private final KindCache<Application> cache;

  DpuServiceApplicationStore(KubernetesClient host, KindCache<Application> cache) {
    this.host = host;
    this.cache = cache.addIndex(BY_SERVICE, DpuServiceApplicationStore::ownerKey);
  }

  /** By index: a scan of every Application per reconcile was the manager's biggest CPU cost at N=1,000 (JFR). */
  List<Application> ofService(DPUService service) {
    return cache.byIndex(BY_SERVICE, service.getMetadata().getNamespace() + "/" + service.getMetadata().getName());
  }

  private static List<String> ownerKey(Application app) {
    Map<String, String> labels = app.getMetadata().getLabels();
    if (labels == null || !labels.containsKey(LabelKeys.DPU_SERVICE_NAMESPACE)
        || !labels.containsKey(LabelKeys.DPU_SERVICE_NAME)) {
      return List.of();
    }
    return List.of(labels.get(LabelKeys.DPU_SERVICE_NAMESPACE) + "/" + labels.get(LabelKeys.DPU_SERVICE_NAME));
  }

  /**
   * Deletes the service's Applications not named in {@code keep} (once: one already being deleted
   * is left to ArgoCD's finalizer), and returns the names of those that still exist.
   */
  List<String> deleteAllBut(DPUService service, Collection<String> keep) {
    return Prune.deleteAllBut(host, ofService(service), app -> keep.contains(app.getMetadata().getName()))
        .stream().map(entry -> entry.substring(entry.indexOf(' ') + 1)).toList();
  }
}
