package io.dpf.operator;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.operator.applyset.ApplySet;
import io.dpf.operator.applyset.Pruner;
import io.dpf.operator.inventory.Component;
import io.dpf.operator.inventory.ComponentSettings;
import io.dpf.operator.inventory.InvalidConfigException;
import io.dpf.operator.inventory.Inventory;
import io.dpf.operator.inventory.RenderInputs;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deploys every enabled component in inventory order (server-side apply, ApplySet pruning of what
 * is no longer rendered) and removes disabled ones. One component's failure does not stop the others.
 */
final class SystemComponents {

  /** What happened: objects applied per enabled component (as the API returned them), and problems per component. */
  record Outcome(Map<String, List<HasMetadata>> rendered, Map<String, String> invalid, Map<String, Exception> failed) {}

  private final KubernetesClient client;
  private final Inventory inventory;
  private final ServerSideApply apply;
  private final Pruner pruner;

  private final KindCache<Secret> secrets;

  /** ApplySet parents are read from the cache of the config namespace's Secrets. */
  SystemComponents(KubernetesClient client, Inventory inventory, ServerSideApply apply, KindCache<Secret> secrets) {
    this.client = client;
    this.secrets = secrets;
    this.inventory = inventory;
    this.apply = apply;
    this.pruner = new Pruner(client);
  }

  /**
   * @param blocked components whose prerequisites are missing (→ why): neither applied nor pruned,
   *     so what runs keeps running; reported among the invalid ones
   */
  Outcome reconcile(DPFOperatorConfig config, Map<String, ComponentSettings> settings, Map<String, String> blocked) {
    Map<String, List<HasMetadata>> rendered = new LinkedHashMap<>();
    Map<String, String> invalid = new LinkedHashMap<>();
    Map<String, Exception> failed = new LinkedHashMap<>();
    String namespace = config.getMetadata().getNamespace();
    for (Component component : inventory.components()) {
      ComponentSettings componentSettings = settings.get(component.name());
      if (componentSettings.enabled() && blocked.containsKey(component.name())) {
        invalid.put(component.name(), blocked.get(component.name()));
        continue;
      }
      try {
        if (componentSettings.enabled()) {
          RenderInputs inputs = new RenderInputs(config, componentSettings, inventory.defaults(),
              ApplySet.id(component.name(), namespace));
          List<HasMetadata> objects = component.render(inputs);
          rendered.put(component.name(), deploy(component.name(), namespace, objects));
        } else {
          remove(component.name(), namespace);
        }
      } catch (InvalidConfigException e) {
        invalid.put(component.name(), e.getMessage());
      } catch (RuntimeException e) {
        failed.put(component.name(), e);
      }
    }
    return new Outcome(rendered, invalid, failed);
  }

  /** Deletes every component's objects and parents; returns the entries that still exist. */
  Set<String> deleteAll(String namespace) {
    Set<String> remaining = new TreeSet<>();
    for (Component component : inventory.components()) {
      Secret parent = parent(component.name(), namespace);
      Set<String> entries = ApplySet.inventory(parent);
      pruner.delete(entries);
      Set<String> left = pruner.remaining(entries);
      remaining.addAll(left);
      if (left.isEmpty() && parent != null) {
        client.resource(parent).delete();
      }
    }
    return remaining;
  }

  /** @return the objects as the API server returned them from the apply (their generation is the current one) */
  private List<HasMetadata> deploy(String component, String namespace, List<HasMetadata> objects) {
    Set<String> desired = ApplySet.entries(objects);
    Set<String> previous = ApplySet.inventory(parent(component, namespace));
    // The parent lists old and new members until pruning has succeeded, so a crash in between
    // leaves nothing untracked.
    Set<String> union = new TreeSet<>(previous);
    union.addAll(desired);
    apply.apply(ApplySet.parent(component, namespace, union));
    List<HasMetadata> applied = new ArrayList<>();
    objects.forEach(object -> applied.add(apply.apply(object)));
    List<String> stale = new ArrayList<>(previous);
    stale.removeAll(desired);
    pruner.delete(stale);
    apply.apply(ApplySet.parent(component, namespace, desired));
    return applied;
  }

  private void remove(String component, String namespace) {
    Secret parent = parent(component, namespace);
    if (parent == null) {
      return;
    }
    Set<String> entries = ApplySet.inventory(parent);
    pruner.delete(entries);
    if (pruner.remaining(entries).isEmpty()) {
      client.resource(parent).delete();
    }
  }

  private Secret parent(String component, String namespace) {
    return secrets.get(namespace, ApplySet.parentName(component));
  }
}
