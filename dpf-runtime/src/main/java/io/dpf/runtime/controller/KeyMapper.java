package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns a changed object into the keys of the primaries that must be reconciled because of it. */
@FunctionalInterface
public interface KeyMapper<T extends HasMetadata> {

  Collection<ResourceKey> keysFor(T object);

  /** The object is itself the primary. */
  static <T extends HasMetadata> KeyMapper<T> self() {
    return object -> List.of(ResourceKey.of(object));
  }

  /** Primaries of {@code ownerType} named in the object's owner references (same cluster). */
  static <T extends HasMetadata> KeyMapper<T> ownedBy(Class<? extends HasMetadata> ownerType) {
    String kind = HasMetadata.getKind(ownerType);
    String group = Objects.toString(HasMetadata.getGroup(ownerType), "");
    boolean namespaced = Namespaced.class.isAssignableFrom(ownerType);
    return object -> object.getMetadata().getOwnerReferences().stream()
        .filter(owner -> kind.equals(owner.getKind()) && group.equals(groupOf(owner.getApiVersion())))
        .map(owner -> new ResourceKey(namespaced ? object.getMetadata().getNamespace() : null,
            owner.getName()))
        .toList();
  }

  /**
   * The primary named by two labels on the object. Owner references cannot cross clusters, so
   * objects we create in a DPU cluster point back to their host-cluster primary this way.
   */
  static <T extends HasMetadata> KeyMapper<T> fromLabels(String namespaceLabel, String nameLabel) {
    return object -> {
      Map<String, String> labels = object.getMetadata().getLabels();
      String name = labels == null ? null : labels.get(nameLabel);
      if (name == null) {
        return List.of();
      }
      return List.of(new ResourceKey(labels.get(namespaceLabel), name));
    };
  }

  private static String groupOf(String apiVersion) {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
