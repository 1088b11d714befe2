package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One kind's shared informer cache (see {@link InformerCache}). Reads never go to the API server;
 * the objects returned are shared: copy before changing one. Indexes make scans cheap, e.g. "DPUs
 * by BFB"; add them before the first read that uses them.
 */
public final class KindCache<T extends HasMetadata> {

  private final String description;
  private final SharedIndexInformer<T> informer;
  private final InformerCache owner;
  private final CompletionStage<Void> started;
  private int holders;

  KindCache(String description, SharedIndexInformer<T> informer, CompletionStage<Void> started, InformerCache owner) {
    this.description = description;
    this.informer = informer;
    this.started = started;
    this.owner = owner;
  }

  /** The cached object with this key, or null. */
  public T get(ResourceKey key) {
    return informer.getStore().getByKey(key.toString());
  }

  public T get(String namespace, String name) {
    return get(new ResourceKey(namespace, name));
  }

  public List<T> list() {
    return informer.getStore().list();
  }

  public List<T> list(String namespace) {
    return informer.getIndexer().byIndex("namespace", namespace);
  }

  /** Objects whose {@code index} function returned {@code value} (see {@link #addIndex}). */
  public List<T> byIndex(String index, String value) {
    return informer.getIndexer().byIndex(index, value);
  }

  /** Adds an index once; a second caller with the same name shares the first one's. */
  public synchronized KindCache<T> addIndex(String name, Function<T, List<String>> values) {
    if (!informer.getIndexer().getIndexers().containsKey(name)) {
      informer.addIndexers(Map.of(name, values));
    }
    return this;
  }

  /** Cache filled and watch open: what readiness needs. */
  public boolean isHealthy() {
    return informer.hasSynced() && informer.isWatching();
  }

  public boolean hasSynced() {
    return informer.hasSynced();
  }

  /** Blocks until the first list has filled the cache (for synchronous callers: tests, the harness). */
  public void awaitSynced() {
    started.toCompletableFuture().join();
  }

  public String description() {
    return description;
  }

  /** Lets go of a cache acquired from {@link InformerCache#acquire}; the last holder stops it. */
  public void release() {
    owner.release(this);
  }

  /** Guarded by the owning {@link InformerCache}: returns true for the last holder. */
  boolean releaseHolder() {
    return --holders == 0;
  }

  void retain() {
    holders++;
  }

  void addHandler(ResourceEventHandler<T> handler) {
    informer.addEventHandler(handler);
  }

  void removeHandler(ResourceEventHandler<T> handler) {
    informer.removeEventHandler(handler);
  }

  void stop() {
    informer.stop();
  }
}
