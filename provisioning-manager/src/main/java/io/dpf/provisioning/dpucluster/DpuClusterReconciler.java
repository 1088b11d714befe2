package io.dpf.provisioning.dpucluster;

import io.dpf.api.Finalizers;
import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUClusterStatus;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.dpucluster.join.JoinCredentials;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.cluster.DpuClusterKubeconfig;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.runtime.reconcile.StatusScope;
import io.dpf.runtime.reconcile.Statuses;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;

/**
 * The provisioning side of a DPUCluster (DPF's dpucluster controller): Created once its admin
 * kubeconfig exists ({@code spec.kubeconfig}, else {@code <name>-admin-kubeconfig}); type
 * {@code kamaji} first needs its TenantControlPlane Ready ({@link KamajiAdoption}). Then a health
 * check (the API server's version) gives phase Ready or NotReady. DPUs are only allocated to Ready
 * clusters. Creating clusters (the Kamaji cluster manager) is not part of this controller. A healthy
 * cluster also gets a current bootstrap token for DPUs to join with ({@link JoinCredentials}).
 */
public final class DpuClusterReconciler implements Reconciler<DPUCluster> {

  static final String FIELD_MANAGER = "dpucluster-controller";

  private final KubernetesClient client;
  private final ClusterClients clusters;
  private final ProvisioningSettings settings;
  private final JoinCredentials joinCredentials;
  private final Statuses statuses;
  private final Clock clock;

  public DpuClusterReconciler(KubernetesClient client, ClusterClients clusters, ProvisioningSettings settings,
      JoinCredentials joinCredentials, Clock clock) {
    this.client = client;
    this.joinCredentials = joinCredentials;
    this.clusters = clusters;
    this.settings = settings;
    this.clock = clock;
    this.statuses = Statuses.of(client, FIELD_MANAGER, clock);
  }

  @Override
  public Result reconcile(DPUCluster cluster) {
    if (Finalizer.deleting(cluster)) {
      clusters.remove(DpuClusterKubeconfig.secretOf(cluster));
      Finalizer.remove(client, cluster, Finalizers.DPU_CLUSTER_INTERNAL);
      return Result.done();
    }
    Finalizer.ensure(client, cluster, Finalizers.DPU_CLUSTER_INTERNAL);
    // Ready is the health check's verdict here, not a summary of Created.
    try (StatusScope<DPUClusterStatus> scope = statuses.open(cluster, DPUClusterStatus::new, ConditionTypes.DPUCluster.ALL)
        .withoutReadySummary()) {
      Result result = reconcileNormal(cluster, scope.status(), scope.conditions());
      scope.succeeded();
      return result;
    }
  }

  private Result reconcileNormal(DPUCluster cluster, DPUClusterStatus status, Conditions conditions) {
    String namespace = cluster.getMetadata().getNamespace();
    String secretName = DpuClusterKubeconfig.secretOf(cluster).name();
    if (KamajiAdoption.applies(cluster)) {
      KamajiAdoption.Outcome adoption = KamajiAdoption.observe(client, cluster);
      if (adoption.kubeconfigSecret().isEmpty()) {
        conditions.setFalse(ConditionTypes.DPUCluster.CREATED, adoption.reason(), adoption.message());
        conditions.setFalse(ConditionTypes.READY, KindReasons.DPUCluster.HEALTH_CHECK_FAILED, adoption.message());
        status.setPhase(wasCreated(status) ? DPUClusterPhase.NOT_READY : DPUClusterPhase.CREATING);
        return Result.requeueAfter(settings.recheckInterval());
      }
      if (cluster.getSpec().getKubeconfig() == null) {
        secretName = adoption.kubeconfigSecret().get();
        recordKubeconfig(cluster, secretName);
      }
    }
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    // The adopted Kamaji Secret before spec.kubeconfig records it; otherwise the runtime's one rule.
    Optional<String> kubeconfig = secret == null ? Optional.empty() : ClusterClients.kubeconfigOf(secret);
    if (kubeconfig.isEmpty()) {
      conditions.setFalse(ConditionTypes.DPUCluster.CREATED, KindReasons.DPUCluster.EMPTY_KUBECONFIG,
          "no Secret " + secretName + " with key " + Names.KUBECONFIG_KEY);
      conditions.setFalse(ConditionTypes.READY, KindReasons.DPUCluster.HEALTH_CHECK_FAILED, "cluster not created yet");
      status.setPhase(DPUClusterPhase.CREATING);
    } else {
      conditions.setTrue(ConditionTypes.DPUCluster.CREATED);
      healthCheck(clusters.clientFor(new ResourceKey(namespace, secretName), kubeconfig.get()), conditions, status);
    }
    return Result.requeueAfter(settings.recheckInterval());
  }

  private static boolean wasCreated(DPUClusterStatus status) {
    return status.getPhase() == DPUClusterPhase.READY || status.getPhase() == DPUClusterPhase.NOT_READY;
  }

  /**
   * As DPF's cluster managers do, the adopted Secret goes into {@code spec.kubeconfig}, so every
   * reader (the DPUService manager too) finds it there; the field is immutable once set.
   */
  private void recordKubeconfig(DPUCluster cluster, String secretName) {
    client.resources(DPUCluster.class).inNamespace(cluster.getMetadata().getNamespace())
        .withName(cluster.getMetadata().getName()).edit(current -> {
          if (current.getSpec().getKubeconfig() == null) {
            current.getSpec().setKubeconfig(secretName);
          }
          return current;
        });
  }

  private void healthCheck(KubernetesClient dpuCluster, Conditions conditions, DPUClusterStatus status) {
    try {
      dpuCluster.getKubernetesVersion();
      // Rotating here, not only when a DPU installs, keeps a valid token ready for the next DPU.
      joinCredentials.ensureToken(dpuCluster);
      conditions.set(ConditionTypes.READY, Conditions.STATUS_TRUE, KindReasons.DPUCluster.HEALTH_CHECK_PASSED, "");
      status.setPhase(DPUClusterPhase.READY);
    } catch (RuntimeException e) {
      conditions.setFalse(ConditionTypes.READY, KindReasons.DPUCluster.HEALTH_CHECK_FAILED,
          "API server did not answer or refused the join token: " + e.getMessage());
      status.setPhase(DPUClusterPhase.NOT_READY);
    }
  }
}
