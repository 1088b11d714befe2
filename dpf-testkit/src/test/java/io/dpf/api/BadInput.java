package io.dpf.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;

/**
 * One row of the bad-input table: a sample, what is done to it, and the words the API server's
 * refusal must contain (the offending field's path first).
 */
record BadInput(String name, String sample, Consumer<ObjectNode> mutation, List<String> expected) {

  static BadInput of(String name, String sample, Consumer<ObjectNode> mutation, String... expected) {
    return new BadInput(name, sample, mutation, List.of(expected));
  }

  @Override
  public String toString() {
    return name;
  }

  /** Sets the value at a JSON pointer such as /spec/url (creating objects on the way). */
  static Consumer<ObjectNode> set(String pointer, Object value) {
    return root -> {
      int slash = pointer.lastIndexOf('/');
      parent(root, pointer.substring(0, slash)).set(pointer.substring(slash + 1), Samples.YAML.valueToTree(value));
    };
  }

  /** Sets a value given as YAML/JSON text, for objects and lists. */
  static Consumer<ObjectNode> setTree(String pointer, String json) {
    return root -> {
      try {
        int slash = pointer.lastIndexOf('/');
        parent(root, pointer.substring(0, slash)).set(pointer.substring(slash + 1), Samples.YAML.readTree(json));
      } catch (Exception e) {
        throw new IllegalArgumentException(json, e);
      }
    };
  }

  static Consumer<ObjectNode> remove(String pointer) {
    return root -> {
      int slash = pointer.lastIndexOf('/');
      JsonNode parent = root.at(pointer.substring(0, slash));
      ((ObjectNode) parent).remove(pointer.substring(slash + 1));
    };
  }

  @SafeVarargs
  static <T> Consumer<T> chain(Consumer<T>... steps) {
    return root -> {
      for (Consumer<T> step : steps) {
        step.accept(root);
      }
    };
  }

  private static ObjectNode parent(ObjectNode root, String pointer) {
    JsonNode existing = root.at(pointer);
    return existing.isObject() ? (ObjectNode) existing : root.withObject(pointer);
  }
}
