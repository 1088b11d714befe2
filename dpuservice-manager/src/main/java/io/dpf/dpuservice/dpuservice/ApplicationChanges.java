package io.dpf.dpuservice.dpuservice;

import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which Application updates concern its DPUService: what the DPUService reconciler reads (labels,
 * annotations, finalizers, deletion, spec, sync and health status, Argo CD's conditions). Argo CD
 * patches every Application on each resync ({@code status.reconciledAt}, operation state); those
 * alone would reconcile every DPUService every resync period for nothing.
 */
public final class ApplicationChanges {

  private ApplicationChanges() {}

  public static boolean matter(Application before, Application after) {
    return !Objects.equals(view(before), view(after));
  }

  private static List<Object> view(Application application) {
    ObjectMeta metadata = application.getMetadata();
    ApplicationStatus status = application.getStatus();
    return Arrays.asList(metadata.getLabels(), metadata.getAnnotations(), metadata.getFinalizers(),
        metadata.getDeletionTimestamp(), application.getSpec() == null ? null : Json.tree(application.getSpec()),
        status == null || status.getSync() == null ? null : status.getSync().getStatus(),
        status == null || status.getHealth() == null ? null : status.getHealth().getStatus(),
        status == null ? null : status.additionalProperties().get("conditions"));
  }
}
