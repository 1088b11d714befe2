package io.dpf.runtime.it;

import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Copies a Mirror's source ConfigMap to "<mirror>-copy" and reports it in the Mirror's status. */
final class MirrorReconciler implements Reconciler<Mirror> {

  static final String FIELD_MANAGER = "mirror-controller";
  static final String SOURCE_LABEL = "test.dpf.io/mirror";

  final List<Instant> attempts = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresToInject = new AtomicInteger();
  final AtomicInteger errorsToInject = new AtomicInteger();

  private final KubernetesClient client;
  private final ServerSideApply apply;
  private final StatusWriter statusWriter;

  MirrorReconciler(KubernetesClient client) {
    this.client = client;
    this.apply = new ServerSideApply(client, FIELD_MANAGER);
    this.statusWriter = new StatusWriter(apply, client.getKubernetesSerialization());
  }

  @Override
  public Result reconcile(Mirror mirror) {
    attempts.add(Instant.now());
    if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("injected failure");
    }
    if (errorsToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new AssertionError("injected Error: not an Exception");
    }
    if (statusWriter.behindOwnWrite(mirror)) {
      // A cached copy older than our own status write: recomputing from it would move a condition's
      // transition time and write again. Its watch event is on the way.
      return Result.requeueAfter(Duration.ofSeconds(1));
    }
    Mirror.Status status = copyOf(mirror.getStatus());
    long generation = mirror.getMetadata().getGeneration();
    ConfigMap source = client.configMaps().inNamespace(mirror.getMetadata().getNamespace())
        .withName(mirror.getSpec().source).get();
    if (source == null) {
      setReady(status, generation, "False", "Pending", "source ConfigMap " + mirror.getSpec().source + " not found");
    } else {
      apply.apply(desiredCopy(mirror, source.getData()));
      status.copiedKeys = source.getData() == null ? 0 : source.getData().size();
      setReady(status, generation, "True", "Success", "");
    }
    status.observedGeneration = generation;
    statusWriter.update(mirror, status);
    return Result.done();
  }

  /** One Ready condition whose transition time moves only when its status does (the runtime cannot see dpf-api). */
  private static void setReady(Mirror.Status status, long generation, String value, String reason, String message) {
    Condition ready = status.conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
    if (ready == null || !value.equals(ready.getStatus())) {
      status.conditions.removeIf(c -> "Ready".equals(c.getType()));
      ready = new ConditionBuilder().withType("Ready")
          .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build();
      status.conditions.add(ready);
    }
    ready.setStatus(value);
    ready.setReason(reason);
    ready.setMessage(message);
    ready.setObservedGeneration(generation);
  }

  /** Pure: the copy we want, owned by the Mirror so it is collected with it. */
  static ConfigMap desiredCopy(Mirror mirror, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(mirror.getMetadata().getNamespace())
        .withName(mirror.getMetadata().getName() + "-copy")
        .addToLabels("app.kubernetes.io/managed-by", FIELD_MANAGER)
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("test.dpf.io/v1")
            .withKind("Mirror").withName(mirror.getMetadata().getName())
            .withUid(mirror.getMetadata().getUid()).withController(true).build())
        .endMetadata()
        .withData(data)
        .build();
  }

  private static Mirror.Status copyOf(Mirror.Status observed) {
    Mirror.Status copy = new Mirror.Status();
    if (observed != null) {
      copy.observedGeneration = observed.observedGeneration;
      copy.copiedKeys = observed.copiedKeys;
      // The conditions helper edits conditions in place: copy each, or nothing is left to compare with.
      copy.conditions = new ArrayList<>();
      if (observed.conditions != null) {
        observed.conditions.forEach(c -> copy.conditions.add(new ConditionBuilder(c).build()));
      }
    }
    return copy;
  }
}
