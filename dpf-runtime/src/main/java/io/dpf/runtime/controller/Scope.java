package io.dpf.runtime.controller;

/**
 * Which objects an informer caches. Every informer is scoped as far as the controller allows, so
 * a cache never holds every object of a kind in a large cluster.
 *
 * @param namespace one namespace, or null for all namespaces (and for cluster-scoped kinds)
 * @param labelSelector a label selector ("a=b,c in (d)"), or null for all labels
 * @param name one object's name (a {@code metadata.name} field selector), or null for any: RBAC can
 *     then grant list and watch on that name alone
 */
public record Scope(String namespace, String labelSelector, String name) {

  public static Scope allNamespaces() {
    return new Scope(null, null, null);
  }

  public static Scope namespace(String namespace) {
    return new Scope(namespace, null, null);
  }

  /** The one cluster-scoped object called {@code name} (e.g. a CustomResourceDefinition), if it exists. */
  public static Scope clusterObject(String name) {
    return new Scope(null, null, name);
  }

  public Scope withLabels(String selector) {
    return new Scope(namespace, selector, name);
  }

  @Override
  public String toString() {
    return (namespace == null ? "all namespaces" : "namespace " + namespace)
        + (labelSelector == null ? "" : ", labels " + labelSelector)
        + (name == null ? "" : ", name " + name);
  }
}
