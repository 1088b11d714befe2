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
 * live object already is what we would apply (see {@link ApplyDiff}). That decision needs the
 * object's {@code managedFields}, which informer caches here drop; so it is made either on a fresh
 * read, or, with {@link #apply(HasMetadata, HasMetadata)}, on an informer's copy of an object whose
 * ownership this instance has already seen ({@link VerifiedApplies}): then an unchanged world costs
 * no request at all. Keep one instance per (cluster, field manager): the memory is per instance.
 */
public final class ServerSideApply {

  private static final Logger LOG = LoggerFactory.getLogger(ServerSideApply.class);

  private final KubernetesClient client;
  private final String fieldManager;
  private final KubernetesSerialization json;
  /** Objects a manager keeps applying; beyond that, the least recently applied cost a read again. */
  private final VerifiedApplies verified = new VerifiedApplies(16_384);

  public ServerSideApply(KubernetesClient client, String fieldManager) {
    this.client = client;
    this.fieldManager = fieldManager;
    this.json = client.getKubernetesSerialization();
  }

  /** Makes the object's applied fields match {@code desired}; returns the live object after. */
  public <T extends HasMetadata> T apply(T desired) {
    return applyFresh(desired, ApplyDiff.applyBody(json.convertValue(desired, JsonNode.class)));
  }

  /**
   * The same, deciding from {@code cached}, the object as a synced informer has it (null: it has
   * none). Nothing is read when this instance verified the same body on the same object (uid)
   * before and every value of it is still in the copy; nor when there is no copy of an object this
   * instance never wrote: then the object is applied, i.e. created (should it exist after all, an
   * apply that changes nothing is harmless: the server keeps the object as it is). Otherwise (a copy
   * older than our write, someone else's change or delete, a restart) it reads the object as
   * {@link #apply(HasMetadata)} does. Returns the cached copy when nothing is written.
   */
  public <T extends HasMetadata> T apply(T desired, T cached) {
    ObjectNode body = ApplyDiff.applyBody(json.convertValue(desired, JsonNode.class));
    if (cached == null) {
      // Ours but not cached: the cache is behind our own create (or it was deleted): read, not rewrite.
      return verified.knows(keyOf(desired)) ? applyFresh(desired, body) : write(desired, body);
    }
    if (verified.verified(keyOf(desired), cached.getMetadata().getUid(), body)
        && ApplyDiff.containsSubset(json.convertValue(cached, JsonNode.class), body)) {
      return cached;
    }
    return applyFresh(desired, body);
  }

  private <T extends HasMetadata> T applyFresh(T desired, ObjectNode body) {
    T live = client.resource(desired).get();
    if (live != null && ApplyDiff.upToDate(body, json.convertValue(live, JsonNode.class), fieldManager)) {
      verified.record(keyOf(desired), live.getMetadata().getUid(), body);
      return live;
    }
    return write(desired, body);
  }

  @SuppressWarnings("unchecked")
  private <T extends HasMetadata> T write(T desired, ObjectNode body) {
    String key = keyOf(desired);
    LOG.debug("{} applies {} {}", fieldManager, desired.getKind(), desired.getMetadata().getName());
    // The stripped body, as the typed object: no resourceVersion, so no optimistic-lock conflicts.
    T applied = (T) json.convertValue(body, desired.getClass());
    T after;
    try {
      after = client.resource(applied).fieldManager(fieldManager).forceConflicts().serverSideApply();
    } catch (RuntimeException e) {
      verified.forget(key);
      throw e;
    }
    verified.record(key, after.getMetadata().getUid(), body);
    return after;
  }

  private static String keyOf(HasMetadata object) {
    return object.getApiVersion() + "/" + object.getKind() + "/" + object.getMetadata().getNamespace() + "/"
        + object.getMetadata().getName();
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
