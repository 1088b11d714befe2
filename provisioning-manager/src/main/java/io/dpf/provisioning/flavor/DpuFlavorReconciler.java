package io.dpf.provisioning.flavor;

import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.provisioning.References;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DPUFlavor: immutable (the CRD says so), no status. Its one job is refusing deletion while a DPUSet
 * or DPU names it: DPF does that in a webhook; here a finalizer holds the flavor and a Warning Event
 * says who still uses it, because a DPU being provisioned renders its bf.cfg from the flavor.
 */
public final class DpuFlavorReconciler implements Reconciler<DPUFlavor> {

  /** DPF v25.1 has no finalizer on flavors (its webhook refuses the delete instead); ours, same naming scheme. */
  public static final String FINALIZER = "provisioning.dpu.nvidia.com/dpuflavor-protection";
  private static final Logger LOG = LoggerFactory.getLogger(DpuFlavorReconciler.class);

  private final KubernetesClient client;
  private final References references;
  private final Clock clock;

  public DpuFlavorReconciler(KubernetesClient client, References references, Clock clock) {
    this.client = client;
    this.references = references;
    this.clock = clock;
  }

  @Override
  public Result reconcile(DPUFlavor flavor) {
    if (!Finalizer.deleting(flavor)) {
      Finalizer.ensure(client, flavor, FINALIZER);
      return Result.done();
    }
    if (!Finalizer.has(flavor, FINALIZER)) {
      return Result.done();
    }
    List<String> users = references.toFlavor(flavor.getMetadata().getNamespace(), flavor.getMetadata().getName());
    if (!users.isEmpty()) {
      warn(flavor, "deletion waits until these stop using the flavor: " + String.join(", ", users));
      return Result.done();
    }
    Finalizer.remove(client, flavor, FINALIZER);
    LOG.info("DPUFlavor {}/{} released", flavor.getMetadata().getNamespace(), flavor.getMetadata().getName());
    return Result.done();
  }

  /** One Event per flavor for this reason, written only when its message changes: no write per reconcile. */
  private void warn(DPUFlavor flavor, String message) {
    String namespace = flavor.getMetadata().getNamespace();
    String name = flavor.getMetadata().getName() + ".deletion-blocked";
    Event existing = client.v1().events().inNamespace(namespace).withName(name).get();
    if (existing != null && message.equals(existing.getMessage())) {
      return;
    }
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    client.v1().events().inNamespace(namespace).resource(new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(flavor.getApiVersion()).withKind(flavor.getKind())
            .withName(flavor.getMetadata().getName()).withNamespace(namespace)
            .withUid(flavor.getMetadata().getUid()).build())
        .withType("Warning").withReason("DeletionBlocked").withMessage(message)
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource("dpuflavor-controller", null)
        .build()).forceConflicts().fieldManager("dpuflavor-controller").serverSideApply();
  }
}
