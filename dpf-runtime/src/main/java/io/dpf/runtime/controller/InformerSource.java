package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scoped informer on one cluster whose events become primary keys in a controller's queue.
 * Its cache is readable ({@link #get}, {@link #list}): cached objects are shared, never mutate them.
 */
public final class InformerSource<T extends HasMetadata> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InformerSource.class);

  private final String description;
  private final boolean gatesReadiness;
  private final SharedIndexInformer<T> informer;
  private final Consumer<InformerSource<?>> onClose;

  private InformerSource(String description, boolean gatesReadiness,
      SharedIndexInformer<T> informer, Consumer<InformerSource<?>> onClose) {
    this.description = description;
    this.gatesReadiness = gatesReadiness;
    this.informer = informer;
    this.onClose = onClose;
  }

  static <T extends HasMetadata> InformerSource<T> start(KubernetesClient client, Class<T> type,
      Scope scope, KeyMapper<T> mapper, boolean gatesReadiness, Consumer<ResourceKey> enqueue,
      Consumer<InformerSource<?>> onClose) {
    String description = HasMetadata.getKind(type) + " in " + scope + " of " + client.getMasterUrl();
    FilterWatchListDeletable<T, KubernetesResourceList<T>, Resource<T>> selection =
        scope.namespace() == null
            ? client.resources(type).inAnyNamespace()
            : client.resources(type).inNamespace(scope.namespace());
    if (scope.labelSelector() != null) {
      selection = selection.withLabelSelector(scope.labelSelector());
    }
    // No resync: every requeue is caused by a change, or asked for by a reconcile.
    SharedIndexInformer<T> informer = selection.runnableInformer(0);
    informer.itemStore(new ManagedFieldsStrippingStore<>());
    informer.addEventHandler(new Enqueuer<>(mapper, enqueue));
    // fabric8 gives up on an informer whose first list fails; a DPU cluster that is down now, or
    // a CRD not installed yet, must be retried (with fabric8's backoff) and shown in health.
    informer.exceptionHandler((started, failure) -> {
      if (ExceptionHandler.isDeserializationException(failure)) {
        LOG.error("informer for {} stopped: objects do not match their class", description, failure);
        return false;
      }
      LOG.warn("informer for {} failed, retrying: {}", description, failure.toString());
      return true;
    });
    informer.start();
    return new InformerSource<>(description, gatesReadiness, informer, onClose);
  }

  /** The cached object with this key, or null. */
  public T get(ResourceKey key) {
    return informer.getStore().getByKey(key.toString());
  }

  public List<T> list() {
    return informer.getStore().list();
  }

  /** Cache filled and watch open: what readiness needs. */
  public boolean isHealthy() {
    return informer.hasSynced() && informer.isWatching();
  }

  /**
   * Whether this source's health decides the manager's readiness: true for the manager's own
   * cluster, false for DPU clusters, whose outages are normal operation and reported in status.
   */
  public boolean gatesReadiness() {
    return gatesReadiness;
  }

  public boolean hasSynced() {
    return informer.hasSynced();
  }

  public String description() {
    return description;
  }

  @Override
  public void close() {
    informer.stop();
    onClose.accept(this);
  }

  private record Enqueuer<T extends HasMetadata>(KeyMapper<T> mapper, Consumer<ResourceKey> enqueue)
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
