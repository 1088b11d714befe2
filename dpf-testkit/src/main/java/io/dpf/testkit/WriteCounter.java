package io.dpf.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Counts the writes (every method but GET) and the reads (GETs that are not watches) a client sends,
 * for tests that claim an unchanged world causes neither: a reconciler reads through its manager's
 * informer caches, so once they are filled only their watches talk to the API server. Lease
 * renewals are left out: leader election writes by design.
 */
public final class WriteCounter implements Interceptor {

  private final List<String> writes = new CopyOnWriteArrayList<>();
  private final List<String> reads = new CopyOnWriteArrayList<>();

  /** A client of {@code cluster} whose writes this counter records; the caller closes it. */
  public KubernetesClient countingClient(Cluster cluster) {
    return countingClient(Config.fromKubeconfig(cluster.kubeconfigYaml()));
  }

  /** A client with this configuration (e.g. impersonating a service account) whose writes are recorded. */
  public KubernetesClient countingClient(Config config) {
    return new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("dpf-write-counter", this))
        .build();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    String path = request.uri().getPath();
    if (path.contains("/leases")) {
      return;
    }
    if (!"GET".equals(request.method())) {
      writes.add(request.method() + " " + path);
    } else if (request.uri().getQuery() == null || !request.uri().getQuery().contains("watch=true")) {
      reads.add("GET " + path + (request.uri().getQuery() == null ? "" : "?" + request.uri().getQuery()));
    }
  }

  /** Reads so far: GETs and LISTs, not watches (an informer's first LIST and relists count). */
  public int readCount() {
    return reads.size();
  }

  /** The reads recorded since {@code readCount()} returned {@code index}. */
  public List<String> readsSince(int index) {
    return List.copyOf(reads.subList(index, reads.size()));
  }

  public int count() {
    return writes.size();
  }

  /** The writes recorded since {@code count()} returned {@code index}, e.g. for an assertion message. */
  public List<String> since(int index) {
    return List.copyOf(writes.subList(index, writes.size()));
  }

  /**
   * The writes since {@code index} to the objects a test made itself ({@code mine} picks them by
   * path, e.g. its namespace or names): what an unchanged-world check counts, so that another
   * test's objects still settling or being removed are not counted against this one.
   */
  public List<String> since(int index, Predicate<String> mine) {
    return since(index).stream().filter(mine).toList();
  }
}
