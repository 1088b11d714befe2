package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer store that drops {@code metadata.managedFields} before caching. They are often the
 * largest part of an object and nothing reads them from the cache: the server-side-apply helper
 * reads them from a fresh GET. fabric8 7.5 has no transform hook; {@code itemStore} is its seam.
 * Objects are stripped in place: the informer deserialised them just for us.
 */
final class ManagedFieldsStrippingStore<T extends HasMetadata> extends BasicItemStore<T> {

  ManagedFieldsStrippingStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public T put(String key, T object) {
    if (object.getMetadata() != null) {
      object.getMetadata().setManagedFields(null);
    }
    return super.put(key, object);
  }
}
