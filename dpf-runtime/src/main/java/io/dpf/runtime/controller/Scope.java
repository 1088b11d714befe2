package io.dpf.runtime.controller;

/**
 * Which objects an informer caches. Every informer is scoped as far as the controller allows, so
 * a cache never holds every object of a kind in a large cluster.
 *
 * @param namespace one namespace, or null for all namespaces (and for cluster-scoped kinds)
 * @param labelSelector a label selector ("a=b,c in (d)"), or null for all labels
 */
public record Scope(String namespace, String labelSelector) {

  public static Scope allNamespaces() {
    return new Scope(null, null);
  }

  public static Scope namespace(String namespace) {
    return new Scope(namespace, null);
  }

  public Scope withLabels(String selector) {
    return new Scope(namespace, selector);
  }

  @Override
  public String toString() {
    return (namespace == null ? "all namespaces" : "namespace " + namespace)
        + (labelSelector == null ? "" : ", labels " + labelSelector);
  }
}
