package io.dpf.testkit;

import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * The fast middle tier: calls a reconciler's {@code reconcile} on the test's own thread against a
 * real API server, with no manager, no work queue and no waiting for one. The primary is read fresh
 * from the API for each call, as the runtime would hand over its cached copy; what the reconcile
 * wrote is there when the call returns. Reconcilers that read shared caches get them from
 * {@link #informers()}, which each call first lets fill (an informer's first list, not a poll).
 */
public final class ReconcilerHarness<R extends HasMetadata> implements AutoCloseable {

  private final KubernetesClient client;
  private final Class<R> type;
  private final InformerCache informers = new InformerCache();
  private Reconciler<R> reconciler;

  private ReconcilerHarness(KubernetesClient client, Class<R> type) {
    this.client = client;
    this.type = type;
  }

  public static <R extends HasMetadata> ReconcilerHarness<R> of(KubernetesClient client, Class<R> type) {
    return new ReconcilerHarness<>(client, type);
  }

  /** The caches to build the reconciler with (as a manager's module would). */
  public InformerCache informers() {
    return informers;
  }

  public ReconcilerHarness<R> with(Reconciler<R> reconcilerUnderTest) {
    this.reconciler = reconcilerUnderTest;
    return this;
  }

  /** One reconcile of the object as the API server has it now; empty when it does not exist. */
  public Optional<Result> reconcile(String namespace, String name) throws Exception {
    informers.on(client).forEach(KindCache::awaitSynced);
    var kind = client.resources(type);
    R current = namespace == null ? kind.withName(name).get() : kind.inNamespace(namespace).withName(name).get();
    if (current == null) {
      return Optional.empty();
    }
    return Optional.of(reconciler.reconcile(current));
  }

  @Override
  public void close() {
    informers.close();
  }
}
