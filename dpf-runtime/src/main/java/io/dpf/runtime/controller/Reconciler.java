package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Brings the world in line with one primary object. Called with a private copy of the cached
 * object, never concurrently for the same object, and only on the leader. Throwing retries the
 * object with backoff; the object being deleted shows as {@code metadata.deletionTimestamp}.
 */
@FunctionalInterface
public interface Reconciler<R extends HasMetadata> {

  Result reconcile(R resource) throws Exception;
}
