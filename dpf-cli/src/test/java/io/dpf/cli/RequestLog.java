package io.dpf.cli;

import io.dpf.cli.read.ClientFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client factory whose clients record every request they send: {@code <host:port> <METHOD> <path>?<query>}. */
final class RequestLog implements ClientFactory {

  private final List<String> requests = new CopyOnWriteArrayList<>();

  @Override
  public KubernetesClient create(Config config) {
    return new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("dpf-request-log", new Interceptor() {
          @Override
          public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            requests.add(request.uri().getPort() + " " + request.method() + " " + request.uri().getPath()
                + (request.uri().getQuery() == null ? "" : "?" + request.uri().getQuery()));
          }
        }))
        .build();
  }

  List<String> requests() {
    return List.copyOf(requests);
  }
}
