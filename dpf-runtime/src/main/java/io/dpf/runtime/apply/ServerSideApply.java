package io.dpf.runtime.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-side apply with one field manager and forced ownership, that does not write when the
 * live object already is what we would apply (see {@link ApplyDiff}). The live object is read
 * fresh, not from an informer cache, because the decision needs its {@code managedFields}, which
 * caches here drop.
 */
public final class ServerSideApply {

  private static final Logger LOG = LoggerFactory.getLogger(ServerSideApply.class);

  private final KubernetesClient client;
  private final String fieldManager;
  private final KubernetesSerialization json;

  public ServerSideApply(KubernetesClient client, String fieldManager) {
    this.client = client;
    this.fieldManager = fieldManager;
    this.json = client.getKubernetesSerialization();
  }

  /** Makes the object's applied fields match {@code desired}; returns the live object after. */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> T apply(T desired) {
    ObjectNode body = ApplyDiff.applyBody(json.convertValue(desired, JsonNode.class));
    T live = client.resource(desired).get();
    if (live != null && ApplyDiff.upToDate(body, json.convertValue(live, JsonNode.class), fieldManager)) {
      return live;
    }
    LOG.debug("{} applies {} {}", fieldManager, desired.getKind(), desired.getMetadata().getName());
    // The stripped body, as the typed object: no resourceVersion, so no optimistic-lock conflicts.
    T applied = (T) json.convertValue(body, desired.getClass());
    return client.resource(applied).fieldManager(fieldManager).forceConflicts().serverSideApply();
  }

  /** For subresources, whose fabric8 DSL only patches: server-side apply, forced, our manager. */
  PatchContext patchContext() {
    PatchContext context = PatchContext.of(PatchType.SERVER_SIDE_APPLY);
    context.setFieldManager(fieldManager);
    context.setForce(true);
    return context;
  }

  KubernetesClient client() {
    return client;
  }
}
