package io.dpf.api;

/** Annotations on the generated CRDs themselves. */
public final class CrdAnnotations {
  /** Helm leaves CRDs with this annotation in place on uninstall, so user objects survive. */
  public static final String KEEP_ON_UNINSTALL = "helm.sh/resource-policy=keep";

  private CrdAnnotations() {
  }
}
