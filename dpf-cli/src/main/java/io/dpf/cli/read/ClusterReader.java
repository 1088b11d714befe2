package io.dpf.cli.read;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads what the tree shows: one list per host kind across all namespaces (never a call per
 * object), then each DPU cluster in parallel through its kubeconfig Secret (one Secret read and
 * one list per kind per cluster). A DPU cluster that cannot be read becomes a
 * {@link DpuClusterView#unreachable} view; only an unreachable host cluster fails the run.
 */
public final class ClusterReader {

  private final KubernetesClient host;
  private final DpuClusterReader dpuReader;

  public ClusterReader(KubernetesClient host, ClientFactory clients) {
    this.host = host;
    this.dpuReader = new DpuClusterReader(host, clients);
  }

  /** Thrown when the host cluster does not answer (no HTTP response to the first list). */
  public static final class HostUnreachableException extends RuntimeException {
    HostUnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public Snapshot read(ReadPlan plan) {
    Map<Kind, List<GenericKubernetesResource>> objects = new LinkedHashMap<>();
    Map<Kind, String> errors = new LinkedHashMap<>();
    for (Kind kind : plan.hostKinds()) {
      try {
        objects.put(kind, list(host, kind));
      } catch (KubernetesClientException e) {
        if (e.getStatus() == null && objects.isEmpty()) {
          // No HTTP answer at all: every other list would fail the same way.
          throw new HostUnreachableException("cannot reach the host cluster at " + host.getMasterUrl() + ": "
              + Problems.describe(e), e);
        }
        errors.put(kind, Problems.describe(e));
      }
    }
    Map<String, DpuClusterView> dpuClusters = plan.dpuClusters()
        ? readDpuClusters(objects.getOrDefault(Kind.DPU_CLUSTER, List.of()), plan.dpuWorkloads())
        : Map.of();
    return new Snapshot(objects, errors, dpuClusters);
  }

  /** One list across all namespaces; a kind whose CRD is not installed has no objects. */
  static List<GenericKubernetesResource> list(KubernetesClient client, Kind kind) {
    try {
      var resources = client.genericKubernetesResources(kind.context());
      var list = kind.context().isNamespaceScoped() ? resources.inAnyNamespace().list() : resources.list();
      // Items of a list of built-in kinds come without their kind; the tree names rows by it.
      list.getItems().forEach(item -> item.setKind(kind.name()));
      return list.getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  private Map<String, DpuClusterView> readDpuClusters(List<GenericKubernetesResource> clusters, boolean workloads) {
    if (clusters.isEmpty()) {
      return Map.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, clusters.size()), runnable -> {
      Thread thread = new Thread(runnable, "dpf-describe-dpu-cluster");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<DpuClusterView>> views = new ArrayList<>();
      for (GenericKubernetesResource cluster : clusters) {
        views.add(pool.submit(() -> dpuReader.read(cluster, workloads)));
      }
      Map<String, DpuClusterView> byCluster = new LinkedHashMap<>();
      for (Future<DpuClusterView> future : views) {
        DpuClusterView view = future.get();
        byCluster.put(view.namespace() + "/" + view.name(), view);
      }
      return byCluster;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading DPU clusters", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading DPU clusters failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
