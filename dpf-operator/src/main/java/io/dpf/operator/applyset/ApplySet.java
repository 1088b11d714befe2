package io.dpf.operator.applyset;

import io.dpf.api.AnnotationKeys;
import io.dpf.api.LabelKeys;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The kubectl ApplySet convention as DPF uses it, per component: a parent Secret
 * {@code <component>-applyset} whose inventory annotation lists every member as
 * {@code Kind.group/name.namespace}; members carry {@code applyset.kubernetes.io/part-of=<id>}.
 * What was listed before and is no longer desired gets pruned.
 */
public final class ApplySet {

  private ApplySet() {}

  public static String parentName(String component) {
    return component + "-applyset";
  }

  /** {@code applyset-<base64url(sha256("<name>.<namespace>.Secret."))>-v1}, as the KEP defines it. */
  public static String id(String component, String namespace) {
    String key = parentName(component) + "." + namespace + ".Secret.";
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "-v1";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String entry(HasMetadata object) {
    String apiVersion = object.getApiVersion();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String namespace = object.getMetadata().getNamespace() == null ? "" : object.getMetadata().getNamespace();
    return object.getKind() + "." + group + "/" + object.getMetadata().getName() + "." + namespace;
  }

  public static Set<String> entries(Collection<? extends HasMetadata> objects) {
    return objects.stream().map(ApplySet::entry).collect(Collectors.toCollection(TreeSet::new));
  }

  public static Secret parent(String component, String namespace, Set<String> entries) {
    return new SecretBuilder()
        .withNewMetadata().withName(parentName(component)).withNamespace(namespace)
            .addToLabels(LabelKeys.APPLYSET_ID, id(component, namespace))
            .addToLabels(LabelKeys.COMPONENT, component)
            .addToAnnotations(AnnotationKeys.APPLYSET_TOOLING, AnnotationKeys.APPLYSET_TOOLING_VALUE)
            .addToAnnotations(AnnotationKeys.APPLYSET_INVENTORY, String.join(",", new TreeSet<>(entries)))
        .endMetadata()
        .withType("Opaque")
        .build();
  }

  /** The entries a parent lists (empty for no parent). */
  public static Set<String> inventory(Secret parent) {
    if (parent == null || parent.getMetadata().getAnnotations() == null) {
      return Set.of();
    }
    String listed = parent.getMetadata().getAnnotations().getOrDefault(AnnotationKeys.APPLYSET_INVENTORY, "");
    return Arrays.stream(listed.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toCollection(TreeSet::new));
  }

  /** A parsed inventory entry. Names may contain dots, namespaces cannot: split at the last one. */
  public record Entry(String kind, String group, String name, String namespace) {
    public static Entry parse(String entry) {
      int dot = entry.indexOf('.');
      int slash = entry.indexOf('/');
      int last = entry.lastIndexOf('.');
      if (dot < 0 || slash < dot || last < slash) {
        throw new IllegalArgumentException("not an ApplySet inventory entry: " + entry);
      }
      String namespace = entry.substring(last + 1);
      return new Entry(entry.substring(0, dot), entry.substring(dot + 1, slash), entry.substring(slash + 1, last),
          namespace.isEmpty() ? null : namespace);
    }
  }
}
