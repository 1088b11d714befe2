package io.dpf.runtime.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HealthEndpointTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesHealthReadinessWithReasonsAndPrometheusText() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.counter("dpf.test.events").increment();
    AtomicBoolean alive = new AtomicBoolean(true);
    List<String> problems = new ArrayList<>(List.of("mirror: ConfigMap in namespace x not synced/watching"));
    try (var endpoint = new HealthEndpoint(0, alive::get, () -> problems, registry)) {
      endpoint.start();
      String base = "http://localhost:" + endpoint.port();

      assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
      HttpResponse<String> notReady = get(base + "/readyz");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("mirror: ConfigMap in namespace x not synced/watching");
      problems.clear();
      assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);

      HttpResponse<String> metrics = get(base + "/metrics");
      assertThat(metrics.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/plain; version=0.0.4");
      assertThat(metrics.body()).contains("dpf_test_events_total 1.0");

      alive.set(false);
      assertThat(get(base + "/healthz").statusCode()).isEqualTo(503);
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
