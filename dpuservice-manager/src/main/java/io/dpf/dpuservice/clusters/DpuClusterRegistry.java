package io.dpf.dpuservice.clusters;

import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.runtime.cluster.DpuClusterKubeconfig;
import io.dpf.runtime.controller.KindCache;
import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DPU clusters: every DPUCluster that is not being deleted, whatever its phase (DPF's rule;
 * a cluster whose status nobody reports yet still counts), reached through the admin kubeconfig by
 * the runtime's one rule ({@link DpuClusterKubeconfig}).
 *
 * <p>DPUClusters come from the manager's shared cache, the one the controllers' DPUCluster watches
 * fill: a reconcile woken by a DPUCluster event reads the store that event came from, so it sees that
 * change. The kubeconfig Secrets are read from the watches of their namespaces
 * ({@link KubeconfigSecretWatches}) once those run, from the API before. Clients are cached per
 * kubeconfig and dropped once their cluster is gone. A cluster whose watch is down
 * ({@link DpuClusterLinks}) is unreachable: its Applications stay as they are and its readiness is
 * unknown until it answers again.
 */
public final class DpuClusterRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DpuClusterRegistry.class);

  private final KubernetesClient host;
  private final DpuClusterClients clients;
  private final KindCache<DPUCluster> dpuClusters;
  private final DpuClusterLinks links;
  private volatile Consumer<Set<ResourceKey>> kubeconfigSecretsListener = secrets -> { };
  private volatile KubeconfigSecretWatches kubeconfigSecrets;
  private final Map<ResourceKey, Parsed> parsed = new ConcurrentHashMap<>();

  /**
   * What is reachable now, and why the rest is not (cluster name → problem). {@code down} are the
   * unreachable ones that answered before and whose network went away: what we put there is still
   * there, so deletions wait for them (the others have no usable kubeconfig at all).
   */
  public record Snapshot(List<DpuCluster> clusters, Map<String, String> unreachable, Map<String, String> down) {
    public List<String> names() {
      return clusters.stream().map(DpuCluster::name).toList();
    }
  }

  public DpuClusterRegistry(KubernetesClient host, DpuClusterClients clients, KindCache<DPUCluster> dpuClusters,
      DpuClusterLinks links) {
    this.host = host;
    this.clients = clients;
    this.dpuClusters = dpuClusters;
    this.links = links;
  }

  /** Called when a DPU cluster stops or starts answering (nothing on the host changes then). */
  public void onReachabilityChange(Runnable listener) {
    links.onChange(listener);
  }

  /**
   * Creates {@code namespace} in the DPU cluster when missing; the cluster's watch answers whether
   * it exists, so an unchanged world costs no GET.
   */
  public void ensureNamespace(DpuCluster cluster, String namespace) {
    if (!links.hasNamespace(cluster.client(), namespace).orElse(false)) {
      Namespaces.ensure(cluster.client(), namespace);
    }
  }

  /** Told, on every snapshot, which kubeconfig Secrets the DPUClusters name (e.g. to watch them). */
  public void onKubeconfigSecrets(Consumer<Set<ResourceKey>> listener) {
    this.kubeconfigSecretsListener = listener;
  }

  /** Reads the kubeconfig Secrets from these watches (which it tells what to watch) instead of the API. */
  public void readKubeconfigSecretsFrom(KubeconfigSecretWatches watches) {
    this.kubeconfigSecrets = watches;
    onKubeconfigSecrets(watches::ensure);
  }

  /** Called with the namespace of a pull secret copy that appeared, changed or went in a DPU cluster. */
  public void onPullSecretCopyChange(Consumer<String> listener) {
    links.onPullSecretCopyChange(listener);
  }

  /** The image pull secret copies in a namespace of a DPU cluster: from its watch, or listed before that runs. */
  public List<Secret> pullSecretCopies(DpuCluster cluster, String namespace) {
    return links.pullSecretCopies(cluster.client(), namespace).orElseGet(() -> cluster.client().secrets()
        .inNamespace(namespace).withLabel(LabelKeys.IMAGE_PULL_SECRET).list().getItems());
  }

  public Snapshot snapshot() {
    List<DPUCluster> all = new ArrayList<>(dpuClusters.list());
    all.sort(Comparator.comparing((DPUCluster c) -> c.getMetadata().getName())
        .thenComparing(c -> c.getMetadata().getNamespace()));
    List<DpuCluster> reachable = new ArrayList<>();
    Map<String, String> unreachable = new LinkedHashMap<>();
    Map<String, String> unanswered = new LinkedHashMap<>();
    Set<ResourceKey> inUse = new HashSet<>();
    Set<ResourceKey> named = new HashSet<>();
    Set<KubernetesClient> watched = Collections.newSetFromMap(new IdentityHashMap<>());
    for (DPUCluster cluster : all) {
      if (cluster.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      named.add(DpuClusterKubeconfig.secretOf(cluster));
      DpuClusterKubeconfig found = DpuClusterKubeconfig.of(cluster, this::kubeconfigSecret);
      ResourceKey secretKey = found.secret();
      Optional<String> kubeconfig = found.kubeconfig();
      if (kubeconfig.isEmpty()) {
        unreachable.put(cluster.getMetadata().getName(), found.missing());
        continue;
      }
      KubeconfigCredentials credentials;
      KubernetesClient client;
      try {
        credentials = credentialsOf(secretKey, kubeconfig.get());
        client = clients.clientFor(secretKey, kubeconfig.get());
      } catch (RuntimeException e) {
        unreachable.put(cluster.getMetadata().getName(), "invalid kubeconfig in Secret " + secretKey + ": " + e.getMessage());
        continue;
      }
      inUse.add(secretKey);
      watched.add(client);
      Optional<String> down = links.track(cluster.getMetadata().getName(), client);
      if (down.isPresent()) {
        unreachable.put(cluster.getMetadata().getName(), down.get());
        unanswered.put(cluster.getMetadata().getName(), down.get());
        continue;
      }
      reachable.add(new DpuCluster(cluster.getMetadata().getNamespace(), cluster.getMetadata().getName(),
          cluster.getMetadata().getLabels() == null ? Map.of() : Map.copyOf(cluster.getMetadata().getLabels()),
          credentials, client));
    }
    parsed.keySet().retainAll(inUse);
    links.retain(watched); // before the clients of clusters that are gone close under their watches
    for (ResourceKey known : clients.clusters()) {
      if (!inUse.contains(known)) {
        LOG.info("DPU cluster with kubeconfig {} is gone; closing its client", known);
        clients.remove(known);
      }
    }
    kubeconfigSecretsListener.accept(named);
    return new Snapshot(List.copyOf(reachable), unreachable, unanswered);
  }

  /**
   * Parsed once per kubeconfig text: every reconcile takes a snapshot, and parsing the YAML of each
   * cluster's kubeconfig was a tenth of the reconcile workers' CPU at N=1,000 (JFR).
   */
  private KubeconfigCredentials credentialsOf(ResourceKey secret, String kubeconfig) {
    Parsed known = parsed.get(secret);
    if (known != null && known.kubeconfig().equals(kubeconfig)) {
      return known.credentials();
    }
    KubeconfigCredentials credentials = KubeconfigCredentials.parse(kubeconfig);
    parsed.put(secret, new Parsed(kubeconfig, credentials));
    return credentials;
  }

  private record Parsed(String kubeconfig, KubeconfigCredentials credentials) {}

  private Secret kubeconfigSecret(ResourceKey secret) {
    KubeconfigSecretWatches watches = kubeconfigSecrets;
    if (watches != null && watches.knows(secret)) {
      return watches.cached(secret);
    }
    return host.secrets().inNamespace(secret.namespace()).withName(secret.name()).get();
  }

  @Override
  public void close() {
    links.close();
    clients.close();
  }
}
