package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One informer per (cluster, kind, scope) for a whole manager (controller-runtime's shared cache):
 * every controller's watch of that kind and every reconciler that reads it share the one cache and
 * the one watch. A reconcile woken by an event reads the same store the event came from, so it sees
 * that change. Informers live while someone holds them ({@link #acquire} / {@link KindCache#release}),
 * so a DPU cluster's informers stop when the last watch on it closes.
 */
public final class InformerCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InformerCache.class);

  private record Key(KubernetesClient client, Class<?> type, Scope scope) {}

  private final Map<Key, KindCache<?>> caches = new HashMap<>();
  private boolean closed;

  /**
   * The shared cache of {@code type} in {@code scope} on {@code client}, started on first use. The
   * caller releases it when done; a reconciler that reads for as long as the manager runs never does.
   */
  @SuppressWarnings("unchecked")
  public synchronized <T extends HasMetadata> KindCache<T> acquire(KubernetesClient client, Class<T> type,
      Scope scope) {
    if (closed) {
      throw new IllegalStateException("the informer cache is closed");
    }
    Key key = new Key(client, type, scope);
    KindCache<T> cache = (KindCache<T>) caches.computeIfAbsent(key, k -> start(client, type, scope));
    cache.retain();
    return cache;
  }

  /** Every cache on {@code client}, e.g. to wait for all of the manager's own caches to be filled. */
  public synchronized List<KindCache<?>> on(KubernetesClient client) {
    List<KindCache<?>> found = new ArrayList<>();
    caches.forEach((key, cache) -> {
      if (key.client() == client) {
        found.add(cache);
      }
    });
    return found;
  }

  /** How many informers run: each one is a watch and a cache. */
  public synchronized int size() {
    return caches.size();
  }

  void release(KindCache<?> cache) {
    synchronized (this) {
      if (!cache.releaseHolder()) {
        return;
      }
      caches.values().remove(cache);
    }
    cache.stop();
  }

  @Override
  public void close() {
    List<KindCache<?>> all;
    synchronized (this) {
      closed = true;
      all = List.copyOf(caches.values());
      caches.clear();
    }
    all.forEach(KindCache::stop);
  }

  private <T extends HasMetadata> KindCache<T> start(KubernetesClient client, Class<T> type, Scope scope) {
    String description = HasMetadata.getKind(type) + " in " + scope + " of " + client.getMasterUrl();
    FilterWatchListDeletable<T, KubernetesResourceList<T>, Resource<T>> selection =
        scope.namespace() == null
            ? client.resources(type).inAnyNamespace()
            : client.resources(type).inNamespace(scope.namespace());
    if (scope.labelSelector() != null) {
      selection = selection.withLabelSelector(scope.labelSelector());
    }
    if (scope.name() != null) {
      selection = selection.withField("metadata.name", scope.name());
    }
    // No resync: every requeue is caused by a change, or asked for by a reconcile.
    SharedIndexInformer<T> informer = selection.runnableInformer(0);
    informer.itemStore(new ManagedFieldsStrippingStore<>());
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
    return new KindCache<>(description, informer, informer.start(), this);
  }
}
