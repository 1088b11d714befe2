package io.dpf.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the writes (every method but GET) a client sends, for tests that claim an unchanged world
 * causes none. Lease renewals are left out: leader election writes by design.
 */
public final class WriteCounter implements Interceptor {

  private final List<String> writes = new CopyOnWriteArrayList<>();

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
    if (!"GET".equals(request.method()) && !path.contains("/leases")) {
      writes.add(request.method() + " " + path);
    }
  }

  public int count() {
    return writes.size();
  }

  /** The writes recorded since {@code count()} returned {@code index}, e.g. for an assertion message. */
  public List<String> since(int index) {
    return List.copyOf(writes.subList(index, writes.size()));
  }
}
