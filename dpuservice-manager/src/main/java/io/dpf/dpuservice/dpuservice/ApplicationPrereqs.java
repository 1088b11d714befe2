package io.dpf.dpuservice.dpuservice;

import io.dpf.api.LabelKeys;
import io.dpf.api.Names;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.dpuservice.clusters.DpuCluster;
import io.dpf.dpuservice.clusters.DpuClusterRegistry;
import io.dpf.dpuservice.clusters.Namespaces;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.reconcile.Failures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What must exist before a DPUService's Applications can sync: its namespace in every cluster it
 * goes to, ArgoCD's cluster Secrets and AppProjects, and the namespace's pull secrets in every DPU
 * cluster. Every DPUService reconcile applies them (as DPF does), deciding on the manager's caches:
 * unchanged ones cost neither a read nor a write.
 */
final class ApplicationPrereqs {

  private static final String BY_CLUSTER = "dpu-cluster";

  private final KubernetesClient host;
  private final ServerSideApply hostApply;
  private final PullSecretMirror pullSecrets;
  private final DPUServiceReconciler.Caches caches;
  private final DpuClusterRegistry registry;

  ApplicationPrereqs(KubernetesClient host, String fieldManager, DPUServiceReconciler.Caches caches,
      DpuClusterRegistry registry) {
    this.host = host;
    this.registry = registry;
    this.caches = caches;
    caches.applications().addIndex(BY_CLUSTER, app -> app.getMetadata().getLabels() == null
        || !app.getMetadata().getLabels().containsKey(LabelKeys.CLUSTER) ? List.of()
        : List.of(app.getMetadata().getLabels().get(LabelKeys.CLUSTER)));
    this.hostApply = new ServerSideApply(host, fieldManager);
    this.pullSecrets = new PullSecretMirror(caches.pullSecrets(), registry, fieldManager);
  }

  /** @return one line per cluster or object that could not be reconciled; empty when all is well */
  List<String> reconcile(DPUService service, DpuClusterRegistry.Snapshot clusters, DPFOperatorConfig argoCd) {
    List<String> problems = new ArrayList<>();
    String namespace = service.getMetadata().getNamespace();
    // A DPU cluster that is gone stays in Argo CD (Secret and project destination) while Applications
    // still go there: Argo CD's resources finalizer deletes only what the project permits, on a
    // cluster it knows; without them it gives the Application up and the objects stay behind.
    Set<String> targeted = targetedGoneClusters(argoCd, clusters.names());
    List<String> destinations = new ArrayList<>(clusters.names());
    destinations.addAll(targeted);
    attempt(problems, "ArgoCD cluster Secrets", () -> reconcileClusterSecrets(clusters.clusters(), targeted, argoCd));
    attempt(problems, "AppProjects", () -> {
      applyCached(ArgoCdObjects.dpuProject(destinations, argoCd), caches.projects());
      applyCached(ArgoCdObjects.hostProject(argoCd), caches.projects());
    });
    if (Boolean.TRUE.equals(service.getSpec().getDeployInCluster())) {
      attempt(problems, "namespace " + namespace + " on the host", () -> Namespaces.ensure(host, namespace));
    }
    List<Secret> originals = pullSecrets.originals(namespace);
    for (DpuCluster cluster : clusters.clusters()) {
      attempt(problems, "DPU cluster " + cluster.name(), () -> {
        registry.ensureNamespace(cluster, namespace);
        pullSecrets.mirror(originals, namespace, cluster);
      });
    }
    clusters.unreachable().forEach((name, why) -> problems.add("DPU cluster " + name + ": " + why));
    return problems;
  }

  /** When the namespace's last DPUService goes, its pull secrets leave every DPU cluster. */
  List<String> removePullSecrets(String namespace, DpuClusterRegistry.Snapshot clusters) {
    List<String> problems = new ArrayList<>();
    for (DpuCluster cluster : clusters.clusters()) {
      attempt(problems, "DPU cluster " + cluster.name(), () -> pullSecrets.removeAll(namespace, cluster));
    }
    // The copies there outlive the DPUService otherwise; it waits for the cluster to answer again.
    clusters.down().forEach((name, why) -> problems.add("DPU cluster " + name + ": " + why));
    return problems;
  }

  /**
   * The DPU clusters that are gone (not among {@code current}) but that Argo CD knows (its cluster
   * Secrets) and Applications still go to. Every Application's cluster got its Secret before the
   * Application was written, and the Secret is removed only once no Application goes there, so the
   * Secrets are the candidates. Only gone ones are looked up: scanning every Application per reconcile
   * cost a tenth of the manager's CPU at N=1,000 (JFR), and so did listing a present cluster's.
   */
  private Set<String> targetedGoneClusters(DPFOperatorConfig argoCd, List<String> current) {
    return caches.argoCdClusterSecrets().list(argoCd.getMetadata().getNamespace()).stream()
        .map(secret -> secret.getMetadata().getLabels() == null ? null : secret.getMetadata().getLabels().get(LabelKeys.CLUSTER))
        .filter(name -> name != null && !Names.ARGOCD_IN_CLUSTER.equals(name) && !current.contains(name))
        .filter(name -> !caches.applications().byIndex(BY_CLUSTER, name).isEmpty())
        .collect(Collectors.toSet());
  }

  private void reconcileClusterSecrets(List<DpuCluster> clusters, Set<String> targeted, DPFOperatorConfig argoCd) {
    Set<String> wanted = new HashSet<>();
    for (DpuCluster cluster : clusters) {
      wanted.add(applyCached(ArgoCdObjects.clusterSecret(cluster, argoCd), caches.argoCdClusterSecrets())
          .getMetadata().getName());
    }
    // Secrets of DPU clusters that are gone (once no Application goes there): Argo CD would keep
    // trying to reach them.
    List<Secret> ours = caches.argoCdClusterSecrets().list(argoCd.getMetadata().getNamespace());
    Set<Secret> stale = ours.stream().filter(s -> !wanted.contains(s.getMetadata().getName()))
        .filter(s -> s.getMetadata().getLabels() == null
            || !targeted.contains(s.getMetadata().getLabels().get(LabelKeys.CLUSTER)))
        .collect(Collectors.toSet());
    stale.forEach(secret -> host.resource(secret).delete());
  }

  private <T extends HasMetadata> T applyCached(T desired, KindCache<T> cache) {
    return hostApply.apply(desired, cache.get(desired.getMetadata().getNamespace(), desired.getMetadata().getName()));
  }

  private static void attempt(List<String> problems, String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      problems.add(what + ": " + Failures.describe(e));
    }
  }
}
