package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A controller's watch: the shared informer of one kind and scope on one cluster (from the
 * manager's {@link InformerCache}), whose events become primary keys in the controller's queue.
 * Its cache is readable ({@link #get}, {@link #list}): cached objects are shared, never mutate them.
 */
public final class InformerSource<T extends HasMetadata> implements AutoCloseable {

  private final boolean gatesReadiness;
  private final KindCache<T> cache;
  private final ResourceEventHandler<T> handler;
  private final Consumer<InformerSource<?>> onClose;

  private InformerSource(boolean gatesReadiness, KindCache<T> cache, ResourceEventHandler<T> handler,
      Consumer<InformerSource<?>> onClose) {
    this.gatesReadiness = gatesReadiness;
    this.cache = cache;
    this.handler = handler;
    this.onClose = onClose;
  }

  static <T extends HasMetadata> InformerSource<T> start(InformerCache informers, KubernetesClient client,
      Class<T> type, Scope scope, KeyMapper<T> mapper, UpdateFilter<T> filter, boolean gatesReadiness,
      Consumer<ResourceKey> enqueue, Consumer<InformerSource<?>> onClose) {
    KindCache<T> cache = informers.acquire(client, type, scope);
    Enqueuer<T> handler = new Enqueuer<>(mapper, filter, enqueue);
    // A handler added to a running informer is told of every cached object as an add.
    cache.addHandler(handler);
    return new InformerSource<>(gatesReadiness, cache, handler, onClose);
  }

  /** The cached object with this key, or null. */
  public T get(ResourceKey key) {
    return cache.get(key);
  }

  public List<T> list() {
    return cache.list();
  }

  /** The shared cache this watch reads, e.g. to add an index. */
  public KindCache<T> cache() {
    return cache;
  }

  /** Cache filled and watch open: what readiness needs. */
  public boolean isHealthy() {
    return cache.isHealthy();
  }

  /**
   * Whether this source's health decides the manager's readiness: true for the manager's own
   * cluster, false for DPU clusters, whose outages are normal operation and reported in status.
   */
  public boolean gatesReadiness() {
    return gatesReadiness;
  }

  public boolean hasSynced() {
    return cache.hasSynced();
  }

  public String description() {
    return cache.description();
  }

  @Override
  public void close() {
    cache.removeHandler(handler);
    cache.release();
    onClose.accept(this);
  }

  private record Enqueuer<T extends HasMetadata>(KeyMapper<T> mapper, UpdateFilter<T> filter,
      Consumer<ResourceKey> enqueue)
      implements ResourceEventHandler<T> {

    @Override
    public void onAdd(T object) {
      mapper.keysFor(object).forEach(enqueue);
    }

    @Override
    public void onUpdate(T before, T after) {
      if (Objects.equals(before.getMetadata().getResourceVersion(),
          after.getMetadata().getResourceVersion())) {
        return; // a relist that changed nothing
      }
      if (!filter.matters(before, after)) {
        return;
      }
      // Both: a label or owner change can move the object from one primary to another.
      mapper.keysFor(before).forEach(enqueue);
      mapper.keysFor(after).forEach(enqueue);
    }

    @Override
    public void onDelete(T object, boolean finalStateUnknown) {
      mapper.keysFor(object).forEach(enqueue);
    }
  }
}
