package io.dpf.operator;

import static io.dpf.api.conditions.ConditionTypes.DPFOperatorConfig.IMAGE_PULL_SECRETS_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_READY;
import static io.dpf.api.conditions.ConditionTypes.DPFOperatorConfig.SYSTEM_COMPONENTS_RECONCILED;

import io.dpf.api.Finalizers;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfigStatus;
import io.dpf.operator.inventory.ComponentSettings;
import io.dpf.operator.inventory.InvalidConfigException;
import io.dpf.operator.inventory.Inventory;
import io.dpf.operator.inventory.PullSecretNames;
import io.dpf.operator.ovn.OvnKubernetesStep;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.runtime.reconcile.StatusScope;
import io.dpf.runtime.reconcile.Statuses;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles the singleton DPFOperatorConfig: pull secrets → system components → readiness, one
 * status write at the end (only when it changed); on deletion, everything in DPF's order, finalizer last.
 */
public final class DPFOperatorConfigReconciler implements Reconciler<DPFOperatorConfig> {

  static final String FIELD_MANAGER = "dpfoperatorconfig-controller";
  static final Duration DELETION_POLL = Duration.ofSeconds(5);
  static final Duration OVN_POLL = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(DPFOperatorConfigReconciler.class);

  private final KubernetesClient client;
  private final OperatorSettings settings;
  private final Inventory inventory;
  private final Clock clock;
  private final Statuses statuses;
  private final PullSecretLabeller pullSecrets;
  private final SystemComponents systemComponents;
  private final Readiness readiness;
  private final Prerequisites prerequisites;
  private final OrderedDeletion deletion;
  private final OvnKubernetesStep ovn;

  public DPFOperatorConfigReconciler(KubernetesClient client, OperatorSettings settings, Inventory inventory,
      Clock clock, OperatorCaches caches) {
    this.client = client;
    this.settings = settings;
    this.inventory = inventory;
    this.clock = clock;
    ServerSideApply apply = new ServerSideApply(client, FIELD_MANAGER);
    this.statuses = Statuses.of(client, FIELD_MANAGER, clock).withConditionEvents(FIELD_MANAGER);
    this.pullSecrets = new PullSecretLabeller(client, caches.secrets());
    this.systemComponents = new SystemComponents(client, inventory, apply, caches.secrets());
    this.readiness = new Readiness(client, caches);
    this.prerequisites = new Prerequisites(caches.persistentVolumeClaims(), caches.userArgoCdCrds());
    this.deletion = new OrderedDeletion(client);
    this.ovn = new OvnKubernetesStep(client, FIELD_MANAGER, inventory.defaults());
  }

  @Override
  public Result reconcile(DPFOperatorConfig config) {
    if (!settings.isSingleton(config)) {
      return reportIgnored(config);
    }
    if (config.getSpec().getOverrides() != null && Boolean.TRUE.equals(config.getSpec().getOverrides().getPaused())) {
      return Result.done();
    }
    if (Finalizer.deleting(config)) {
      try (StatusScope<DPFOperatorConfigStatus> scope = open(config)) {
        return reconcileDelete(config, scope);
      }
    }
    if (Finalizer.ensure(client, config, Finalizers.DPF_OPERATOR_CONFIG)) {
      return Result.done(); // the update brings us back
    }
    ComponentsOutcome outcome;
    try (StatusScope<DPFOperatorConfigStatus> scope = open(config)) {
      reconcilePullSecrets(config, scope.conditions());
      outcome = reconcileComponents(config, scope.conditions());
      if (outcome.transientFailure() == null) {
        scope.succeeded();
      }
    }
    if (outcome.transientFailure() != null) {
      throw outcome.transientFailure(); // retried with backoff; the condition already says what failed
    }
    // OpenShift's and the DPU clusters' objects are not watched: look again while OVN-Kubernetes converges.
    return outcome.ovnPending() ? Result.requeueAfter(OVN_POLL) : Result.done();
  }

  /**
   * A config that is not the singleton changes nothing (admission refuses one where the chart's
   * policy is installed); it only says, in its own status, that it is ignored and why. One that
   * still carries the finalizer (it was the singleton under other flags) loses it when deleted:
   * nothing of the platform is deleted for it, and its deletion does not hang.
   */
  private Result reportIgnored(DPFOperatorConfig config) {
    if (Finalizer.deleting(config)) {
      if (Finalizer.remove(client, config, Finalizers.DPF_OPERATOR_CONFIG)) {
        LOG.info("DPFOperatorConfig {}/{} is ignored and being deleted: finalizer removed, nothing else deleted",
            config.getMetadata().getNamespace(), config.getMetadata().getName());
      }
      return Result.done();
    }
    try (StatusScope<DPFOperatorConfigStatus> scope = statuses.open(config, DPFOperatorConfigStatus::new,
        List.of(ConditionTypes.READY)).withoutReadySummary()) {
      scope.conditions().setFalse(ConditionTypes.READY, KindReasons.DPFOperatorConfig.IGNORED,
          "This DPF operator reconciles only DPFOperatorConfig " + settings.namespace() + "/" + settings.name()
              + " (its --config-namespace and --config-name); this one is ignored and nothing it says is deployed. "
              + "Delete it, or put its spec into " + settings.namespace() + "/" + settings.name() + ".");
      scope.succeeded();
      if (scope.write()) {
        LOG.warn("DPFOperatorConfig {}/{} is ignored: this operator reconciles only {}/{}",
            config.getMetadata().getNamespace(), config.getMetadata().getName(), settings.namespace(), settings.name());
      }
    }
    return Result.done();
  }

  private void reconcilePullSecrets(DPFOperatorConfig config, Conditions conditions) {
    List<String> missing = pullSecrets.reconcile(config.getMetadata().getNamespace(), PullSecretNames.of(config.getSpec()));
    if (missing.isEmpty()) {
      conditions.setTrue(IMAGE_PULL_SECRETS_RECONCILED);
    } else {
      conditions.setFalse(IMAGE_PULL_SECRETS_RECONCILED, Reasons.ERROR,
          "Image pull secrets must exist in namespace " + config.getMetadata().getNamespace() + ": missing "
              + String.join(", ", missing));
    }
  }

  /** What reconciling the components left to do: a failure to retry with backoff, OVN-Kubernetes to poll. */
  private record ComponentsOutcome(RuntimeException transientFailure, boolean ovnPending) {}

  private ComponentsOutcome reconcileComponents(DPFOperatorConfig config, Conditions conditions) {
    Map<String, ComponentSettings> componentSettings;
    try {
      componentSettings = inventory.settings(config.getSpec());
    } catch (InvalidConfigException e) {
      conditions.setFalse(SYSTEM_COMPONENTS_RECONCILED, Reasons.ERROR, e.getMessage());
      conditions.setFalse(SYSTEM_COMPONENTS_READY, Reasons.PENDING, "System components are not reconciled");
      return new ComponentsOutcome(null, false);
    }
    Prerequisites.Outcome prereqs = prerequisites.check(config, componentSettings);
    SystemComponents.Outcome outcome = systemComponents.reconcile(config, componentSettings, prereqs.blocking());
    List<String> problems = new ArrayList<>();
    outcome.invalid().forEach((component, message) -> problems.add(component + ": " + message));
    outcome.failed().forEach((component, e) -> problems.add(component + ": " + e.getMessage()));
    List<String> notReady = new ArrayList<>();
    RuntimeException ovnFailure = null;
    boolean ovnPending = false;
    if (ovnEnabled(config)) {
      try {
        List<String> waiting = ovn.reconcile(config);
        waiting.forEach(w -> notReady.add("ovn-kubernetes: " + w));
        ovnPending = !waiting.isEmpty();
      } catch (InvalidConfigException e) {
        problems.add(e.getMessage());
      } catch (RuntimeException e) {
        problems.add("ovn-kubernetes: " + e.getMessage());
        ovnFailure = e;
      }
    }
    if (problems.isEmpty()) {
      conditions.setTrue(SYSTEM_COMPONENTS_RECONCILED);
    } else {
      boolean onlyPrerequisites = problems.size() == outcome.invalid().size() && outcome.invalid().keySet().stream()
          .allMatch(component -> prereqs.blocking().containsKey(component));
      conditions.setFalse(SYSTEM_COMPONENTS_RECONCILED,
          onlyPrerequisites ? KindReasons.DPFOperatorConfig.PREREQUISITE_MISSING : Reasons.ERROR,
          "System components could not be reconciled: " + String.join("; ", problems));
    }
    for (Map.Entry<String, List<HasMetadata>> rendered : outcome.rendered().entrySet()) {
      List<String> why = new ArrayList<>();
      if (prereqs.waiting().containsKey(rendered.getKey())) {
        why.add(prereqs.waiting().get(rendered.getKey()));
      }
      why.addAll(readiness.notReady(rendered.getValue()));
      if (!why.isEmpty()) {
        notReady.add(rendered.getKey() + ": " + String.join(", ", why));
      }
    }
    Set<String> unrendered = componentSettings.values().stream().filter(ComponentSettings::enabled)
        .map(ComponentSettings::name).filter(n -> !outcome.rendered().containsKey(n))
        .collect(Collectors.toCollection(LinkedHashSet::new));
    unrendered.forEach(name -> notReady.add(name + (prereqs.blocking().containsKey(name)
        ? ": waiting for its prerequisites (see " + SYSTEM_COMPONENTS_RECONCILED + ")" : ": not deployed")));
    if (notReady.isEmpty()) {
      conditions.setTrue(SYSTEM_COMPONENTS_READY);
    } else {
      conditions.setFalse(SYSTEM_COMPONENTS_READY, Reasons.PENDING,
          "System components are not ready: " + String.join("; ", notReady));
    }
    if (outcome.failed().isEmpty()) {
      return new ComponentsOutcome(ovnFailure, ovnPending);
    }
    Exception first = outcome.failed().values().iterator().next();
    return new ComponentsOutcome(first instanceof RuntimeException r ? r : new IllegalStateException(first), ovnPending);
  }

  private StatusScope<DPFOperatorConfigStatus> open(DPFOperatorConfig config) {
    return statuses.open(config, DPFOperatorConfigStatus::new, ConditionTypes.DPFOperatorConfig.ALL);
  }

  private Result reconcileDelete(DPFOperatorConfig config, StatusScope<DPFOperatorConfigStatus> scope) {
    Conditions conditions = scope.conditions();
    List<String> remaining = deletion.step();
    if (remaining.isEmpty()) {
      remaining = new ArrayList<>(systemComponents.deleteAll(config.getMetadata().getNamespace()));
    }
    if (remaining.isEmpty() && ovnEnabled(config)) {
      ovn.deleteCreated(config.getMetadata().getNamespace());
    }
    if (!remaining.isEmpty()) {
      conditions.setFalse(SYSTEM_COMPONENTS_RECONCILED, Reasons.AWAITING_DELETION,
          "Waiting for deletion of: " + summarize(remaining));
      return Result.requeueAfter(DELETION_POLL);
    }
    Finalizer.remove(client, config, Finalizers.DPF_OPERATOR_CONFIG);
    scope.skipWrite();
    LOG.info("DPFOperatorConfig {}/{}: everything deleted, finalizer removed", config.getMetadata().getNamespace(),
        config.getMetadata().getName());
    return Result.done();
  }

  private static boolean ovnEnabled(DPFOperatorConfig config) {
    return config.getSpec().getOverrides() == null
        || !Boolean.TRUE.equals(config.getSpec().getOverrides().getDisableOVNKubernetesReconcile());
  }

  private static String summarize(List<String> remaining) {
    int shown = Math.min(5, remaining.size());
    String head = String.join(", ", remaining.subList(0, shown));
    return remaining.size() > shown ? head + " and " + (remaining.size() - shown) + " more" : head;
  }
}
