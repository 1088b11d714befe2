package io.dpf.runtime.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one field manager knows it has applied: per object (by kind, namespace, name) the uid and a
 * digest of the last body that the server took, or that a fresh read showed to be in place and ours.
 * With that, an informer's copy (which has no {@code managedFields}) answers "would this apply
 * change anything?": the same body on the same object, every value of it still there, means we own
 * exactly these fields and they are right. A digest, not the body: a few dozen bytes per object.
 * Bounded (least recently used go first); a forgotten object costs one read, never a wrong skip.
 */
final class VerifiedApplies {

  private record Entry(String uid, byte[] digest) {}

  private final Map<String, Entry> entries;

  VerifiedApplies(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  void record(String key, String uid, JsonNode body) {
    if (uid != null) {
      Entry entry = new Entry(uid, digest(body)); // hashed outside the lock the workers share
      synchronized (this) {
        entries.put(key, entry);
      }
    }
  }

  synchronized void forget(String key) {
    entries.remove(key);
  }

  synchronized boolean knows(String key) {
    return entries.containsKey(key);
  }

  /** True when {@code body} was verified on the object with this uid, and it was the last body. */
  boolean verified(String key, String uid, JsonNode body) {
    Entry entry;
    synchronized (this) {
      entry = entries.get(key);
    }
    return entry != null && entry.uid().equals(uid) && Arrays.equals(entry.digest(), digest(body));
  }

  synchronized int size() {
    return entries.size();
  }

  /**
   * SHA-256 of the tree with object keys in sorted order and numbers by value, so that two bodies
   * {@link ApplyDiff} would call equal have one digest whatever their key order.
   */
  static byte[] digest(JsonNode body) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    feed(sha, body);
    return sha.digest();
  }

  private static void feed(MessageDigest sha, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      sha.update((byte) 'n');
    } else if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        sorted.put(field.getKey(), field.getValue());
      }
      sha.update((byte) '{');
      sorted.forEach((key, value) -> {
        text(sha, key);
        feed(sha, value);
      });
      sha.update((byte) '}');
    } else if (node.isArray()) {
      sha.update((byte) '[');
      node.forEach(element -> feed(sha, element));
      sha.update((byte) ']');
    } else if (node.isNumber()) {
      sha.update((byte) '#');
      text(sha, node.decimalValue().stripTrailingZeros().toPlainString());
    } else if (node.isBoolean()) {
      sha.update(node.booleanValue() ? (byte) 't' : (byte) 'f');
    } else {
      sha.update((byte) '"');
      text(sha, node.asText());
    }
  }

  /** Length first, so that no two sequences of strings feed the same bytes. */
  private static void text(MessageDigest sha, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
        (byte) bytes.length});
    sha.update(bytes);
  }
}
