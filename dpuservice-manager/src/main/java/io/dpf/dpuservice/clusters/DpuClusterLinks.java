package io.dpf.dpuservice.clusters;

import io.dpf.api.LabelKeys;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch per DPU cluster, on its Namespaces, which tells whether the cluster still answers; and
 * one on the image pull secrets copied there, which answers "which copies are there" without a LIST
 * per reconcile and tells when one is changed or deleted by someone else.
 *
 * <p>Once a DPUService is Ready nothing on the host changes when a DPU cluster's network goes
 * away, and Argo CD may keep its last status for minutes: without a signal of our own the
 * DPUService would stay Ready. A watch notices a dropped connection at once and costs no request
 * while the cluster is quiet (a probe would cost one per interval); its store also answers
 * "does this namespace exist" without a GET per reconcile. The watches are looked at every
 * {@code checkEvery} (a local flag, no request); a cluster whose watch is down at two checks in a
 * row, or that came back, wakes the listeners. A cluster is only called down after its first list succeeded: one that never
 * answered is reported by the reconcile that tries it.
 */
public final class DpuClusterLinks implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DpuClusterLinks.class);

  private final Map<KubernetesClient, Link> links = new IdentityHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> copyListeners = new CopyOnWriteArrayList<>();
  private final ResourceEventHandler<Secret> onCopy = new ResourceEventHandler<>() {
    @Override
    public void onAdd(Secret copy) {
      changed(copy);
    }

    @Override
    public void onUpdate(Secret before, Secret after) {
      if (!before.getMetadata().getResourceVersion().equals(after.getMetadata().getResourceVersion())) {
        changed(after);
      }
    }

    @Override
    public void onDelete(Secret copy, boolean finalStateUnknown) {
      changed(copy);
    }

    private void changed(Secret copy) {
      copyListeners.forEach(listener -> listener.accept(copy.getMetadata().getNamespace()));
    }
  };
  private final ScheduledExecutorService checks;

  private static final class Link {
    final String cluster;
    final String server;
    final SharedIndexInformer<Namespace> namespaces;
    final SharedIndexInformer<Secret> pullSecretCopies;
    volatile boolean down;
    int misses;

    Link(String cluster, KubernetesClient client, ResourceEventHandler<Secret> onCopy) {
      this.cluster = cluster;
      this.server = client.getConfiguration().getMasterUrl();
      this.namespaces = client.namespaces().runnableInformer(0);
      this.pullSecretCopies = client.secrets().inAnyNamespace().withLabel(LabelKeys.IMAGE_PULL_SECRET).runnableInformer(0);
      this.pullSecretCopies.addEventHandler(onCopy);
      this.namespaces.start();
      this.pullSecretCopies.start();
    }

    void close() {
      namespaces.close();
      pullSecretCopies.close();
    }
  }

  public DpuClusterLinks(Duration checkEvery) {
    checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "dpu-cluster-links");
      thread.setDaemon(true);
      return thread;
    });
    checks.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Called when a DPU cluster's watch goes down or comes back (e.g. to queue every DPUService). */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Called with the namespace of a pull secret copy that appeared, changed or went in a DPU cluster. */
  public void onPullSecretCopyChange(Consumer<String> listener) {
    copyListeners.add(listener);
  }

  /** Watches the cluster behind {@code client} from now on; @return why it is down, if it is */
  public synchronized Optional<String> track(String cluster, KubernetesClient client) {
    Link link = links.computeIfAbsent(client, c -> new Link(cluster, c, onCopy));
    return link.down ? Optional.of(downMessage(link)) : Optional.empty();
  }

  /** Whether {@code namespace} exists there, as far as the watch knows (empty: it does not know yet). */
  public synchronized Optional<Boolean> hasNamespace(KubernetesClient client, String namespace) {
    Link link = links.get(client);
    if (link == null || link.down || !link.namespaces.hasSynced()) {
      return Optional.empty();
    }
    return Optional.of(link.namespaces.getStore().getByKey(namespace) != null);
  }

  /** The pull secret copies in {@code namespace} there, as the watch knows them (empty: it does not know yet). */
  public synchronized Optional<List<Secret>> pullSecretCopies(KubernetesClient client, String namespace) {
    Link link = links.get(client);
    if (link == null || link.down || !link.pullSecretCopies.hasSynced()) {
      return Optional.empty();
    }
    return Optional.of(link.pullSecretCopies.getStore().list().stream()
        .filter(copy -> namespace.equals(copy.getMetadata().getNamespace())).toList());
  }

  /** Stops watching the clusters whose clients are not in {@code current} (gone, or a rotated kubeconfig). */
  public synchronized void retain(Set<KubernetesClient> current) {
    links.entrySet().removeIf(entry -> {
      if (current.contains(entry.getKey())) {
        return false;
      }
      entry.getValue().close();
      return true;
    });
  }

  private void check() {
    boolean changed = false;
    synchronized (this) {
      for (Link link : links.values()) {
        // Two checks in a row: fabric8 re-opens a watch the API server ended (every few minutes) at
        // once, and a check that falls into that gap must not flap every DPUService's readiness.
        link.misses = link.namespaces.hasSynced() && !link.namespaces.isWatching() ? link.misses + 1 : 0;
        boolean down = link.misses >= 2;
        if (down != link.down) {
          link.down = down;
          changed = true;
          if (down) {
            LOG.warn("DPU cluster {} stopped answering at {}", link.cluster, link.server);
          } else {
            LOG.info("DPU cluster {} answers again at {}", link.cluster, link.server);
          }
        }
      }
    }
    if (changed) {
      listeners.forEach(listener -> {
        try {
          listener.run();
        } catch (RuntimeException e) {
          LOG.warn("a DPU cluster link listener failed", e);
        }
      });
    }
  }

  private static String downMessage(Link link) {
    return "its API server at " + link.server + " stopped answering (the watch on it is down)";
  }

  @Override
  public synchronized void close() {
    checks.shutdownNow();
    links.values().forEach(Link::close);
    links.clear();
  }
}
