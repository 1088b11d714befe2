package io.dpf.provisioning.dpucluster;

import io.dpf.api.Finalizers;
import io.dpf.api.Names;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUClusterStatus;
import io.dpf.provisioning.Finalizer;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Result;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.Optional;

/**
 * The provisioning side of a DPUCluster (DPF's dpucluster controller): Created once its admin
 * kubeconfig exists ({@code spec.kubeconfig}, else Kamaji's {@code <name>-admin-kubeconfig}, which
 * adopts an existing TenantControlPlane), then a health check (the API server's version) gives
 * phase Ready or NotReady. DPUs are only allocated to Ready clusters. Creating clusters (the Kamaji
 * cluster manager) is not part of this controller.
 */
public final class DpuClusterReconciler implements Reconciler<DPUCluster> {

  static final String FIELD_MANAGER = "dpucluster-controller";

  private final KubernetesClient client;
  private final ClusterClients clusters;
  private final ProvisioningSettings settings;
  private final StatusWriter statusWriter;
  private final Clock clock;

  public DpuClusterReconciler(KubernetesClient client, ClusterClients clusters, ProvisioningSettings settings, Clock clock) {
    this.client = client;
    this.clusters = clusters;
    this.settings = settings;
    this.clock = clock;
    this.statusWriter = new StatusWriter(new ServerSideApply(client, FIELD_MANAGER), client.getKubernetesSerialization());
  }

  @Override
  public Result reconcile(DPUCluster cluster) {
    String namespace = cluster.getMetadata().getNamespace();
    String secretName = Optional.ofNullable(cluster.getSpec().getKubeconfig())
        .orElse(Names.adminKubeconfigSecret(cluster.getMetadata().getName()));
    if (Finalizer.deleting(cluster)) {
      clusters.remove(new ResourceKey(namespace, secretName));
      Finalizer.remove(client, cluster, Finalizers.DPU_CLUSTER_INTERNAL);
      return Result.done();
    }
    Finalizer.ensure(client, cluster, Finalizers.DPU_CLUSTER_INTERNAL);
    DPUClusterStatus status = cluster.getStatus() == null ? new DPUClusterStatus()
        : client.getKubernetesSerialization().clone(cluster.getStatus());
    Conditions conditions = Conditions.of(status, cluster.getMetadata().getGeneration(), clock);
    conditions.ensure(ConditionTypes.DPUCluster.ALL);
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
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
    statusWriter.update(cluster, status);
    return Result.requeueAfter(settings.recheckInterval());
  }

  private static void healthCheck(KubernetesClient dpuCluster, Conditions conditions, DPUClusterStatus status) {
    try {
      dpuCluster.getKubernetesVersion();
      conditions.set(ConditionTypes.READY, Conditions.STATUS_TRUE, KindReasons.DPUCluster.HEALTH_CHECK_PASSED, "");
      status.setPhase(DPUClusterPhase.READY);
    } catch (RuntimeException e) {
      conditions.setFalse(ConditionTypes.READY, KindReasons.DPUCluster.HEALTH_CHECK_FAILED,
          "API server did not answer: " + e.getMessage());
      status.setPhase(DPUClusterPhase.NOT_READY);
    }
  }
}
