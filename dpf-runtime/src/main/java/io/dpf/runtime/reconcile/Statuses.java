package io.dpf.runtime.reconcile;

import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.HasConditions;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.events.EventRecorder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Collection;
import java.util.function.Supplier;

/** Opens {@link StatusScope}s for one controller: its field manager, its clock, Events or not. */
public final class Statuses {

  private final KubernetesClient client;
  private final StatusWriter writer;
  private final Clock clock;
  private final EventRecorder events;

  private Statuses(KubernetesClient client, StatusWriter writer, Clock clock, EventRecorder events) {
    this.client = client;
    this.writer = writer;
    this.clock = clock;
    this.events = events;
  }

  public static Statuses of(KubernetesClient client, String fieldManager, Clock clock) {
    return new Statuses(client, new StatusWriter(new ServerSideApply(client, fieldManager),
        client.getKubernetesSerialization()), clock, null);
  }

  /** Records an Event for each condition that changes status, from {@code component}. */
  public Statuses withConditionEvents(String component) {
    return new Statuses(client, writer, clock, new EventRecorder(client, component, clock));
  }

  /** Opens the status of {@code observed}: a copy of its status (or a new one), every type in {@code types} present. */
  @SuppressWarnings("unchecked")
  public <S extends HasConditions> StatusScope<S> open(CustomResource<?, ? extends S> observed, Supplier<S> empty,
      Collection<String> types) {
    S observedStatus = observed.getStatus();
    S status = observedStatus == null ? empty.get() : (S) client.getKubernetesSerialization().clone(observedStatus);
    return openBuilt(observed, status, types);
  }

  /** Opens a status built elsewhere (already a private copy). */
  public <S extends HasConditions> StatusScope<S> openBuilt(HasMetadata observed, S status, Collection<String> types) {
    Conditions conditions = Conditions.of(status, observed.getMetadata().getGeneration(), clock).ensure(types);
    var before = observed instanceof CustomResource<?, ?> resource && resource.getStatus() instanceof HasConditions had
        ? StatusScope.copy(had.getConditions()) : null;
    return new StatusScope<>(observed, status, before, conditions, writer, events);
  }

  /** The writer behind the scopes, for what is not a conditions status (a BFB's phase, a DPUSet's counts). */
  public StatusWriter writer() {
    return writer;
  }
}
