package io.dpf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many reconciles a manager has run, from its /metrics endpoint
 * ({@code dpf_controller_reconcile_total}, every outcome): tests that claim an unchanged world
 * causes no writes wait for the manager to have looked at that world again, not for time to pass.
 */
public final class ReconcileCounts {

  private static final Pattern SAMPLE = Pattern.compile("^dpf_controller_reconcile_total\\{([^}]*)} (\\S+)$",
      Pattern.MULTILINE);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ReconcileCounts() {}

  /** Reconciles so far by every controller of the manager whose endpoint listens on {@code httpPort}. */
  public static long total(int httpPort) {
    return of(httpPort, null);
  }

  /** Reconciles so far by the named controller (null: every controller). */
  public static long of(int httpPort, String controller) {
    long total = 0;
    Matcher sample = SAMPLE.matcher(scrape(httpPort));
    while (sample.find()) {
      if (controller == null || sample.group(1).contains("controller=\"" + controller + "\"")) {
        total += (long) Double.parseDouble(sample.group(2));
      }
    }
    return total;
  }

  private static String scrape(int httpPort) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
