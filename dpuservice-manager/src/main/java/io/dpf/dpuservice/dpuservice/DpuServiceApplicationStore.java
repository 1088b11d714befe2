package io.dpf.dpuservice.dpuservice;

import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The Applications a DPUService has, found by its name and namespace labels in any namespace. */
final class DpuServiceApplicationStore {

  private final KubernetesClient host;

  DpuServiceApplicationStore(KubernetesClient host) {
    this.host = host;
  }

  List<Application> ofService(DPUService service) {
    return host.resources(Application.class).inAnyNamespace()
        .withLabels(DpuServiceApplications.ownerLabels(service.getMetadata().getNamespace(),
            service.getMetadata().getName()))
        .list().getItems();
  }

  /**
   * Deletes the service's Applications not named in {@code keep} (once: one already being deleted
   * is left to ArgoCD's finalizer), and returns the names of those that still exist.
   */
  List<String> deleteAllBut(DPUService service, Collection<String> keep) {
    List<String> remaining = new ArrayList<>();
    for (Application application : ofService(service)) {
      if (keep.contains(application.getMetadata().getName())) {
        continue;
      }
      remaining.add(application.getMetadata().getName());
      if (application.getMetadata().getDeletionTimestamp() == null) {
        host.resource(application).delete();
      }
    }
    return remaining;
  }
}
