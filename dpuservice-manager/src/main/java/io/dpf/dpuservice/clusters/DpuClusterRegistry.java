package io.dpf.dpuservice.clusters;

import io.dpf.api.Names;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.runtime.cluster.ClusterClients;
import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DPU clusters: every DPUCluster that is not being deleted, whatever its phase (DPF's rule;
 * a cluster whose status nobody reports yet still counts), reached through the admin kubeconfig in
 * the Secret its {@code spec.kubeconfig} names (Kamaji's {@code <name>-admin-kubeconfig} when unset).
 *
 * <p>Read fresh from the API on every call rather than from a second informer: a reconcile woken
 * by a DPUCluster event must see that change, and two caches of one kind give no such order.
 * Clients are cached per kubeconfig and dropped once their cluster is gone.
 */
public final class DpuClusterRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DpuClusterRegistry.class);

  private final KubernetesClient host;
  private final DpuClusterClients clients;

  /** What is reachable now, and why the rest is not (cluster name → problem). */
  public record Snapshot(List<DpuCluster> clusters, Map<String, String> unreachable) {
    public List<String> names() {
      return clusters.stream().map(DpuCluster::name).toList();
    }
  }

  public DpuClusterRegistry(KubernetesClient host, DpuClusterClients clients) {
    this.host = host;
    this.clients = clients;
  }

  public Snapshot snapshot() {
    List<DPUCluster> all = new ArrayList<>(host.resources(DPUCluster.class).inAnyNamespace().list().getItems());
    all.sort(Comparator.comparing((DPUCluster c) -> c.getMetadata().getName())
        .thenComparing(c -> c.getMetadata().getNamespace()));
    List<DpuCluster> reachable = new ArrayList<>();
    Map<String, String> unreachable = new LinkedHashMap<>();
    Set<ResourceKey> inUse = new HashSet<>();
    for (DPUCluster cluster : all) {
      if (cluster.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      ResourceKey secretKey = new ResourceKey(cluster.getMetadata().getNamespace(), kubeconfigSecretName(cluster));
      Secret secret = host.secrets().inNamespace(secretKey.namespace()).withName(secretKey.name()).get();
      Optional<String> kubeconfig = secret == null ? Optional.empty() : ClusterClients.kubeconfigOf(secret);
      if (kubeconfig.isEmpty()) {
        unreachable.put(cluster.getMetadata().getName(), "kubeconfig Secret " + secretKey + " with key "
            + ClusterClients.KUBECONFIG_KEY + " not found");
        continue;
      }
      try {
        KubeconfigCredentials credentials = KubeconfigCredentials.parse(kubeconfig.get());
        inUse.add(secretKey);
        reachable.add(new DpuCluster(cluster.getMetadata().getNamespace(), cluster.getMetadata().getName(),
            cluster.getMetadata().getLabels() == null ? Map.of() : Map.copyOf(cluster.getMetadata().getLabels()),
            credentials, clients.clientFor(secretKey, kubeconfig.get())));
      } catch (RuntimeException e) {
        unreachable.put(cluster.getMetadata().getName(), "invalid kubeconfig in Secret " + secretKey + ": " + e.getMessage());
      }
    }
    for (ResourceKey known : clients.clusters()) {
      if (!inUse.contains(known)) {
        LOG.info("DPU cluster with kubeconfig {} is gone; closing its client", known);
        clients.remove(known);
      }
    }
    return new Snapshot(List.copyOf(reachable), unreachable);
  }

  static String kubeconfigSecretName(DPUCluster cluster) {
    String named = cluster.getSpec() == null ? null : cluster.getSpec().getKubeconfig();
    return named == null || named.isBlank() ? Names.adminKubeconfigSecret(cluster.getMetadata().getName()) : named;
  }

  @Override
  public void close() {
    clients.close();
  }
}
