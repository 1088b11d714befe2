package io.dpf.dpuservice.dpuservice;

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

  private final KubernetesClient host;
  private final KindCache<Application> cache;

  DpuServiceApplicationStore(KubernetesClient host, KindCache<Application> cache) {
    this.host = host;
    this.cache = cache;
  }

  List<Application> ofService(DPUService service) {
    Map<String, String> owner = DpuServiceApplications.ownerLabels(service.getMetadata().getNamespace(),
        service.getMetadata().getName());
    return cache.list().stream().filter(app -> app.getMetadata().getLabels() != null
        && app.getMetadata().getLabels().entrySet().containsAll(owner.entrySet())).toList();
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
