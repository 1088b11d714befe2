package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Which updates of a watched object matter to a controller. Some writers touch objects on a
 * clock (Argo CD stamps every Application's {@code status.reconciledAt} on each resync); a
 * controller that reads only part of them skips the rest instead of reconciling for nothing.
 * Adds and deletes always count.
 */
@FunctionalInterface
public interface UpdateFilter<T extends HasMetadata> {

  boolean matters(T before, T after);

  static <T extends HasMetadata> UpdateFilter<T> all() {
    return (before, after) -> true;
  }
}
