package io.dpf.dpuservice;

import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.HealthStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.SyncStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Does to Applications what ArgoCD would, since no ArgoCD runs in these tests: reports them Synced
 * and Healthy, and lets deleted ones go (ArgoCD removes its resources finalizer once it has pruned
 * what the Application installed). Uses the test's admin client, so its writes are not counted.
 */
final class ArgoCdStandIn {

  private final KubernetesClient host;

  ArgoCdStandIn(KubernetesClient host) {
    this.host = host;
  }

  /** @return how many Applications it reported Synced and Healthy in this call */
  int markAllSyncedAndHealthy() {
    int marked = 0;
    for (Application app : host.resources(Application.class).inAnyNamespace().list().getItems()) {
      if (app.getMetadata().getDeletionTimestamp() != null || isSyncedAndHealthy(app)) {
        continue;
      }
      ApplicationStatus status = new ApplicationStatus();
      SyncStatus sync = new SyncStatus();
      sync.setStatus("Synced");
      HealthStatus health = new HealthStatus();
      health.setStatus("Healthy");
      status.setSync(sync);
      status.setHealth(health);
      app.setStatus(status);
      try {
        host.resource(app).updateStatus();
        marked++;
      } catch (KubernetesClientException conflict) {
        // changed meanwhile: the next call marks it
      }
    }
    return marked;
  }

  /** Removes the resources finalizer of every Application being deleted. */
  void finishDeletions() {
    for (Application app : host.resources(Application.class).inAnyNamespace().list().getItems()) {
      if (app.getMetadata().getDeletionTimestamp() != null && !app.getMetadata().getFinalizers().isEmpty()) {
        try {
          host.resource(app).edit(a -> {
            a.getMetadata().setFinalizers(null);
            return a;
          });
        } catch (KubernetesClientException gone) {
          // already gone, or changed: the next call retries
        }
      }
    }
  }

  static boolean isSyncedAndHealthy(Application app) {
    return app.getStatus() != null && app.getStatus().getSync() != null && app.getStatus().getHealth() != null
        && "Synced".equals(app.getStatus().getSync().getStatus())
        && "Healthy".equals(app.getStatus().getHealth().getStatus());
  }
}
