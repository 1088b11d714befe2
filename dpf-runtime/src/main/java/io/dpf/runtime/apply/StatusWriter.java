package io.dpf.runtime.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Writes the status subresource only when it changed. The comparison is against the object the
 * reconcile started from, so an unchanged world makes no write and no watch event. Keep condition
 * transition times stable (see {@code io.dpf.api.conditions.Conditions}) or every status differs.
 *
 * <p>The write is a server-side apply of the whole status with forced ownership and no
 * resourceVersion: a status computed from a slightly stale cache is not refused with a 409, and
 * the next watch event reconciles again from the newer object anyway.
 *
 * <p>A reconcile can start from a cached object that predates our own last status write (another
 * event arrived before the watch delivered our write). The status it computes then equals what we
 * wrote, but not what it observed. To avoid writing it twice, the writer remembers, per object, the
 * resourceVersion it saw and the status it wrote; the same resourceVersion and the same status
 * again means nothing is left to write.
 */
public final class StatusWriter {

  private static final int REMEMBERED = 10_000;

  private final ServerSideApply apply;
  private final KubernetesSerialization json;
  private final Map<String, Written> lastWrites = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
      return size() > REMEMBERED;
    }
  };

  private record Written(String observedResourceVersion, JsonNode status, long atNanos) {}

  /** How long a cache may lag our own write before we stop waiting for it (a write that changed nothing). */
  private static final long CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

  public StatusWriter(ServerSideApply apply, KubernetesSerialization json) {
    this.apply = apply;
    this.json = json;
  }

  /**
   * Writes {@code status} as the status of {@code observed} unless they are equal. Build
   * {@code status} as a new object: editing {@code observed}'s status in place leaves nothing to
   * compare against.
   *
   * @return whether a write happened
   */
  public <T extends HasMetadata> boolean update(T observed, Object status) {
    return update(observed, status, Set.of());
  }

  /**
   * As {@link #update(HasMetadata, Object)}, leaving alone the top-level status fields another
   * writer owns (an agent reporting through the status subresource): they are neither compared nor
   * applied, so this writer never takes them over or puts back a value it read from a stale cache.
   */
  public <T extends HasMetadata> boolean update(T observed, Object status, Set<String> othersFields) {
    JsonNode current = without(json.convertValue(observed, JsonNode.class).path("status"), othersFields);
    JsonNode desired = without(json.convertValue(status, JsonNode.class), othersFields);
    if (!changed(current, desired) || alreadyWritten(observed, desired)) {
      return false;
    }
    apply.client().resource(observed)
        .subresource("status")
        .patch(apply.patchContext(), json.asJson(body(observed, desired)));
    synchronized (lastWrites) {
      lastWrites.put(observed.getMetadata().getUid(),
          new Written(observed.getMetadata().getResourceVersion(), desired, System.nanoTime()));
    }
    return true;
  }

  static JsonNode without(JsonNode status, Set<String> fields) {
    if (fields.isEmpty() || !(status instanceof ObjectNode object)) {
      return status;
    }
    ObjectNode copy = object.deepCopy();
    copy.remove(fields);
    return copy;
  }

  /**
   * True when this writer wrote the object's status from this very version: the object comes from a
   * cache that has not yet caught up with that write. Acting on it repeats work the write already
   * recorded as done (a phase machine would run a finished phase again), so a reconciler can wait for
   * the watch event of its own write instead.
   */
  public boolean behindOwnWrite(HasMetadata observed) {
    Written last;
    synchronized (lastWrites) {
      last = lastWrites.get(observed.getMetadata().getUid());
    }
    return last != null && Objects.equals(last.observedResourceVersion(), observed.getMetadata().getResourceVersion())
        && System.nanoTime() - last.atNanos() < CATCH_UP_NANOS;
  }

  private boolean alreadyWritten(HasMetadata observed, JsonNode desired) {
    Written last;
    synchronized (lastWrites) {
      last = lastWrites.get(observed.getMetadata().getUid());
    }
    return last != null && Objects.equals(last.observedResourceVersion(), observed.getMetadata().getResourceVersion())
        && !changed(last.status(), desired);
  }

  /** Semantic difference: empty lists and maps count as absent, numbers compare by value. */
  static boolean changed(JsonNode current, JsonNode desired) {
    JsonNode before = orEmpty(current);
    JsonNode after = orEmpty(desired);
    return !ApplyDiff.containsSubset(before, after) || !ApplyDiff.containsSubset(after, before);
  }

  private static JsonNode orEmpty(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull()
        ? JsonNodeFactory.instance.objectNode()
        : node;
  }

  private static ObjectNode body(HasMetadata observed, JsonNode status) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("apiVersion", observed.getApiVersion());
    body.put("kind", observed.getKind());
    ObjectNode metadata = body.putObject("metadata");
    metadata.put("name", observed.getMetadata().getName());
    if (observed.getMetadata().getNamespace() != null) {
      metadata.put("namespace", observed.getMetadata().getNamespace());
    }
    body.set("status", status);
    return body;
  }
}
