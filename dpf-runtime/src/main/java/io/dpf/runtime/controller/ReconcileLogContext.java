package io.dpf.runtime.controller;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * The MDC keys of one reconcile, so every log line it causes (ours, fabric8's) says which
 * controller and object it is about, and lines of one reconcile can be told from the next one's:
 * {@value #CONTROLLER}, {@value #NAMESPACE} (absent for cluster-scoped kinds), {@value #NAME},
 * {@value #RECONCILE_ID}.
 */
public final class ReconcileLogContext implements AutoCloseable {

  public static final String CONTROLLER = "controller";
  public static final String NAMESPACE = "namespace";
  public static final String NAME = "name";
  public static final String RECONCILE_ID = "reconcileId";

  private ReconcileLogContext() {}

  public static ReconcileLogContext open(String controller, ResourceKey key) {
    MDC.put(CONTROLLER, controller);
    if (key.namespace() != null) {
      MDC.put(NAMESPACE, key.namespace());
    }
    MDC.put(NAME, key.name());
    MDC.put(RECONCILE_ID, UUID.randomUUID().toString().substring(0, 8));
    return new ReconcileLogContext();
  }

  @Override
  public void close() {
    MDC.remove(CONTROLLER);
    MDC.remove(NAMESPACE);
    MDC.remove(NAME);
    MDC.remove(RECONCILE_ID);
  }
}
