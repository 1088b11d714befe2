package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * Identifies one object of a kind: what the work queue holds. {@code namespace} is null for
 * cluster-scoped kinds. {@link #toString()} is the informer cache key ("ns/name" or "name").
 */
public record ResourceKey(String namespace, String name) {

  public ResourceKey {
    Objects.requireNonNull(name, "name");
  }

  public static ResourceKey of(HasMetadata object) {
    return new ResourceKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  @Override
  public String toString() {
    return namespace == null ? name : namespace + "/" + name;
  }
}
