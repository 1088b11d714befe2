package io.dpf.runtime.manager;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * /healthz (the process works), /readyz (caches synced and watching; a standby is ready too, so a
 * Service may route to it) and /metrics (Prometheus text format), on one plain HTTP port.
 */
final class HealthEndpoint implements AutoCloseable {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  HealthEndpoint(int port, BooleanSupplier alive, Supplier<List<String>> notReady,
      PrometheusMeterRegistry metrics) throws IOException {
    server = HttpServer.create(new InetSocketAddress(port), 0);
    executor = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "health-endpoint");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/healthz", exchange -> {
      boolean ok = alive.getAsBoolean();
      respond(exchange, ok ? 200 : 503, "text/plain", ok ? "ok\n" : "stopped\n");
    });
    server.createContext("/readyz", exchange -> {
      List<String> problems = notReady.get();
      respond(exchange, problems.isEmpty() ? 200 : 503, "text/plain",
          problems.isEmpty() ? "ok\n" : "not ready:\n" + String.join("\n", problems) + "\n");
    });
    server.createContext("/metrics", exchange ->
        respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
