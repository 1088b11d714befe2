package io.dpf.provisioning.dpu;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.runtime.tls.KeyAndCertificate;
import io.dpf.runtime.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The manager's image endpoint, from which a DPU's BMC pulls its OS: {@code GET /images/<bfb>/<cfg>}
 * streams the BFB followed by the DPU's bf.cfg, which is how a BlueField installer finds its config
 * (bfb-install does the same {@code cat bfb cfg}). Files come only from the BFB volume, by plain name.
 * {@code Range: bytes=<n>-} is honoured, so a reader cut off by a manager restart can carry on.
 * Plain HTTP, or HTTPS with a serving certificate (then SimpleUpdate says TransferProtocol HTTPS).
 */
public final class ImageServer implements AutoCloseable {

  private static final Pattern PLAIN_NAME = Pattern.compile("^[A-Za-z0-9_\\-.]+$");
  static final int COPY_BUFFER = 64 * 1024;

  private final HttpServer server;
  private final Path dir;
  private final String baseUrl;
  private final String certificatePem;

  public ImageServer(Path dir, int port, String baseUrl) throws IOException {
    this(dir, port, baseUrl, null);
  }

  /** Serves HTTPS with {@code tls} as its identity, or HTTP when it is null. */
  public ImageServer(Path dir, int port, String baseUrl, KeyAndCertificate tls) throws IOException {
    this.dir = dir;
    this.certificatePem = tls == null ? null : tls.certificatePem();
    if (tls == null) {
      this.server = HttpServer.create(new InetSocketAddress(port), 0);
    } else {
      HttpsServer https = HttpsServer.create(new InetSocketAddress(port), 0);
      https.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.presenting(tls, List.of())));
      this.server = https;
    }
    server.createContext("/images/", this::serve);
    server.setExecutor(Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "image-server");
      thread.setDaemon(true);
      return thread;
    }));
    server.start();
    this.baseUrl = baseUrl != null ? baseUrl
        : (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The image endpoint as the settings say: port, base URL, HTTP or HTTPS. */
  public static ImageServer start(ProvisioningSettings settings) throws IOException {
    return new ImageServer(settings.bfbDir(), settings.imageServerPort(), settings.imageBaseUrl(),
        ImageServerTls.identity(settings.imageTls(), settings.imageBaseUrl()));
  }

  /** The serving certificate (PEM) when HTTPS, for clients that pin it (host agents); null for HTTP. */
  public String certificatePem() {
    return certificatePem;
  }

  /** The URL a BMC pulls this BFB with this DPU's bf.cfg from. */
  public String urlFor(String bfbFile, String cfgFile) {
    return baseUrl + "/images/" + bfbFile + "/" + cfgFile;
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] parts = exchange.getRequestURI().getPath().substring("/images/".length()).split("/");
      if (!exchange.getRequestMethod().equals("GET") || parts.length != 2 || !PLAIN_NAME.matcher(parts[0]).matches()
          || !PLAIN_NAME.matcher(parts[1]).matches() || parts[0].startsWith(".") || parts[1].startsWith(".")) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      List<Path> files = List.of(dir.resolve(parts[0]), dir.resolve(parts[1]));
      if (!Files.isRegularFile(files.get(0)) || !Files.isRegularFile(files.get(1))) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long total = Files.size(files.get(0)) + Files.size(files.get(1));
      long start = rangeStart(exchange.getRequestHeaders().getFirst("Range"));
      if (start >= total && start > 0) {
        exchange.getResponseHeaders().add("Content-Range", "bytes */" + total);
        exchange.sendResponseHeaders(416, -1);
        return;
      }
      exchange.getResponseHeaders().add("Accept-Ranges", "bytes");
      if (start > 0) {
        exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (total - 1) + "/" + total);
        exchange.sendResponseHeaders(206, total - start);
      } else {
        exchange.sendResponseHeaders(200, total);
      }
      long skip = start;
      // Not transferTo: its 8 KiB chunks held a push to about half of what the loopback carries
      // (RshimPushBenchmark). 64 KiB per request in flight: 500 BMCs pulling at once hold 32 MiB.
      byte[] buffer = new byte[COPY_BUFFER];
      try (OutputStream out = exchange.getResponseBody()) {
        for (Path file : files) {
          try (InputStream in = Files.newInputStream(file)) {
            long here = Math.min(skip, Files.size(file));
            in.skipNBytes(here);
            skip -= here;
            for (int n; (n = in.read(buffer)) >= 0; ) {
              out.write(buffer, 0, n);
            }
          }
        }
      }
    } catch (IOException clientWentAway) {
      // The BMC retries the transfer as a new task; nothing to clean up here.
    }
  }

  /**
   * The first byte wanted by a {@code Range: bytes=<n>-} header (what a host agent sends to carry on
   * after this server restarted mid-stream); 0 without one. Other range forms are served whole.
   */
  static long rangeStart(String range) {
    if (range == null) {
      return 0;
    }
    Matcher matcher = Pattern.compile("^bytes=(\\d{1,18})-$").matcher(range.trim());
    return matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
