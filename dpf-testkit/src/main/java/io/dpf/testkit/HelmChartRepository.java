package io.dpf.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.KeyAndCertificate;
import io.dpf.runtime.tls.TlsContexts;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Helm chart repository on {@code https://127.0.0.1:<free port>} with a CA of its own: the charts
 * given (chart folders are packaged with the real helm CLI, {@code .tgz} files served as they are)
 * and the {@code index.yaml} that {@code helm repo index} writes for them. DPUServices admit only
 * {@code https://} and {@code oci://} chart repositories, so Argo CD is pointed here and told to
 * trust {@link #caCertificatePem()}.
 */
public final class HelmChartRepository implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HelmChartRepository.class);
  private static final String DIR_PREFIX = "dpf-charts-";

  private final Path dir;
  private final CertificateAuthority ca;
  private final HttpsServer server;
  private final ExecutorService executor;
  private final String url;
  private final String address;
  private final AtomicInteger downloads = new AtomicInteger();

  private HelmChartRepository(Path dir, CertificateAuthority ca, HttpsServer server, ExecutorService executor,
      String url, String address) {
    this.address = address;
    this.dir = dir;
    this.ca = ca;
    this.server = server;
    this.executor = executor;
    this.url = url;
  }

  /** Packages or copies {@code charts} into a new repository and serves it on loopback. */
  public static HelmChartRepository serve(List<Path> charts) {
    return serve(charts, "127.0.0.1");
  }

  /**
   * The same on {@code address} (an IPv4 address of this machine), for clients that do not share
   * its loopback: e.g. an Argo CD repo-server pod on a real node, which reaches a cluster's anchor
   * address (the host of its kubeconfig's server URL).
   */
  public static HelmChartRepository serve(List<Path> charts, String address) {
    Path dir = OwnedDirectories.create(DIR_PREFIX, "repo");
    HttpsServer server = null;
    try {
      Path root = Files.createDirectories(dir.resolve("charts"));
      for (Path chart : charts) {
        if (Files.isDirectory(chart)) {
          Helm.run(List.of(EnvtestBinaries.binary("helm").toString(), "package", chart.toString(),
              "--destination", root.toString()));
        } else {
          Files.copy(chart, root.resolve(chart.getFileName()));
        }
      }
      CertificateAuthority ca = CertificateAuthority.create("dpf-chart-repository-ca");
      KeyAndCertificate serving = ca.issueServer("dpf-chart-repository", List.of("localhost"), List.of(address));
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.presenting(serving, List.of())));
      String url = "https://" + address + ":" + server.getAddress().getPort();
      // The index names each chart by its absolute URL, so the repository's address goes into it.
      Helm.run(List.of(EnvtestBinaries.binary("helm").toString(), "repo", "index", root.toString(), "--url", url));
      ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "helm-chart-repository");
        t.setDaemon(true);
        return t;
      });
      HelmChartRepository repository = new HelmChartRepository(dir, ca, server, executor, url, address);
      server.createContext("/", repository::handle);
      server.setExecutor(executor);
      server.start();
      LOG.info("chart repository {} serves {}", url, repository.files());
      return repository;
    } catch (IOException | RuntimeException e) {
      if (server != null) {
        server.stop(0);
      }
      OwnedDirectories.deleteRecursively(dir);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** {@code https://<address>:<port>}: a DPUService's {@code helmChart.source.repoURL}. */
  public String url() {
    return url;
  }

  /** The host name clients connect to, without port: the key Argo CD looks the CA up by. */
  public String host() {
    return address;
  }

  public String caCertificatePem() {
    return ca.certificatePem();
  }

  /** Files served (chart archives and index.yaml). */
  public List<String> files() {
    try (var list = Files.list(dir.resolve("charts"))) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many chart archives were downloaded so far (index downloads not counted). */
  public int chartDownloads() {
    return downloads.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
      Path file = dir.resolve("charts").resolve(name).normalize();
      boolean servable = !name.isEmpty() && !name.contains("/") && file.startsWith(dir.resolve("charts"))
          && Files.isRegularFile(file);
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      if (!servable) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (name.endsWith(".tgz")) {
        downloads.incrementAndGet();
      }
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type",
          name.endsWith(".yaml") ? "application/x-yaml" : "application/gzip");
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    if (!Boolean.getBoolean("dpf.testkit.keep")) {
      OwnedDirectories.deleteRecursively(dir);
    }
  }

  /** Chart folders below {@code parent} (each holding a Chart.yaml), sorted: e.g. a umbrella chart's subcharts. */
  public static List<Path> chartsIn(Path parent) {
    List<Path> charts = new ArrayList<>();
    try (var list = Files.list(parent)) {
      list.filter(p -> Files.isRegularFile(p.resolve("Chart.yaml"))).sorted().forEach(charts::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return charts;
  }
}
