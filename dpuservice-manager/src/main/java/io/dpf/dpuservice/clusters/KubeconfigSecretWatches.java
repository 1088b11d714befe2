package io.dpf.dpuservice.clusters;

import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerSource;
import io.dpf.runtime.controller.KeyMapper;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Scope;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Watches of the DPU clusters' kubeconfig Secrets, so that one deleted, broken or recreated wakes
 * the controller at once, and whose caches the registry reads them from.
 * One watch per namespace that holds such a Secret (usually one per DPU cluster, Kamaji's
 * {@code dpu-cplane-<tenant>}), added and closed as DPUClusters come and go; only the named
 * Secrets map to the controller's objects.
 */
public final class KubeconfigSecretWatches {

  private final KubernetesClient host;
  private final Supplier<Controller<?>> controller;
  private final KeyMapper<Secret> onChange;
  private final Map<String, InformerSource<Secret>> byNamespace = new HashMap<>();
  private volatile Set<ResourceKey> named = Set.of();

  /** @param onChange what a change of a kubeconfig Secret queues (e.g. every DPUService) */
  public KubeconfigSecretWatches(KubernetesClient host, Supplier<Controller<?>> controller, KeyMapper<Secret> onChange) {
    this.host = host;
    this.controller = controller;
    this.onChange = onChange;
  }

  /** Whether a watch that has listed its namespace covers {@code secret}: then {@link #cached} is what exists. */
  public synchronized boolean knows(ResourceKey secret) {
    InformerSource<Secret> watch = byNamespace.get(secret.namespace());
    return watch != null && watch.hasSynced();
  }

  /** The Secret as its namespace's watch has it, or null (see {@link #knows}). */
  public synchronized Secret cached(ResourceKey secret) {
    InformerSource<Secret> watch = byNamespace.get(secret.namespace());
    return watch == null ? null : watch.get(secret);
  }

  /** @param secrets the kubeconfig Secrets the DPUClusters name now */
  public synchronized void ensure(Set<ResourceKey> secrets) {
    Controller<?> owner = controller.get();
    if (owner == null) {
      return;
    }
    named = Set.copyOf(secrets);
    Set<String> namespaces = new HashSet<>();
    secrets.forEach(s -> namespaces.add(s.namespace()));
    try {
      for (String namespace : namespaces) {
        byNamespace.computeIfAbsent(namespace, ns -> owner.watch(host, Secret.class, Scope.namespace(ns),
            secret -> named.contains(ResourceKey.of(secret)) ? onChange.keysFor(secret) : List.of()));
      }
    } catch (IllegalStateException notStarted) {
      return; // another controller's snapshot came first; the next one adds the watches
    }
    byNamespace.entrySet().removeIf(entry -> {
      if (namespaces.contains(entry.getKey())) {
        return false;
      }
      entry.getValue().close();
      return true;
    });
  }
}
