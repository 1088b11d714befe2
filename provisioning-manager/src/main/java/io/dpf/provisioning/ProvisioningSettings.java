package io.dpf.provisioning;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the provisioning manager is told at start.
 *
 * @param bfbDir where the BFB volume is mounted ({@code /bfb} in the pod)
 * @param progressInterval how often a running download's or install's progress is written to status;
 *     throttled because every write is an etcd write and a watch event for every client
 * @param recheckInterval how often what has no watch is looked at again: a Ready BFB's file (a
 *     deleted file is downloaded again), a Ready DPU's node in its DPU cluster
 * @param retryBase first delay before a failed download or DPU phase is retried; it doubles per attempt
 * @param retryMax the cap of that delay
 * @param imageServerPort port of the manager's image endpoint that BMCs pull BFB + bf.cfg from; 0 picks one
 * @param imageBaseUrl how BMCs reach that endpoint, e.g. {@code http://10.0.0.5:8090}; null means loopback
 * @param rshimRoot where this process sees the hosts' rshim devices ({@code /dev} on a host agent);
 *     null: installInterface hostAgent is not offered
 * @param installTimeout how long OS Installing may take before the attempt fails and is retried;
 *     real installs take 15 to 90 minutes
 * @param imageTls whether the image endpoint serves HTTPS, and with which certificate
 */
public record ProvisioningSettings(Path bfbDir, Duration progressInterval, Duration recheckInterval,
    Duration retryBase, Duration retryMax, int imageServerPort, String imageBaseUrl, Path rshimRoot,
    Duration installTimeout, ImageTls imageTls) {

  public static final Path DEFAULT_BFB_DIR = Path.of("/bfb");
  public static final int DEFAULT_IMAGE_SERVER_PORT = 8090;

  public static ProvisioningSettings defaults() {
    return new ProvisioningSettings(DEFAULT_BFB_DIR, Duration.ofSeconds(5), Duration.ofSeconds(30),
        Duration.ofSeconds(10), Duration.ofMinutes(10), DEFAULT_IMAGE_SERVER_PORT, null, null,
        Duration.ofMinutes(120), ImageTls.OFF);
  }

  public ProvisioningSettings withBfbDir(Path dir) {
    return new ProvisioningSettings(dir, progressInterval, recheckInterval, retryBase, retryMax, imageServerPort,
        imageBaseUrl, rshimRoot, installTimeout, imageTls);
  }

  /** Short intervals, for tests on a real API server that should not wait minutes. */
  public ProvisioningSettings withTimings(Duration progress, Duration recheck, Duration base, Duration max) {
    return new ProvisioningSettings(bfbDir, progress, recheck, base, max, imageServerPort, imageBaseUrl, rshimRoot,
        installTimeout, imageTls);
  }

  public ProvisioningSettings withImageServer(int port, String baseUrl) {
    return new ProvisioningSettings(bfbDir, progressInterval, recheckInterval, retryBase, retryMax, port, baseUrl,
        rshimRoot, installTimeout, imageTls);
  }

  public ProvisioningSettings withRshimRoot(Path root) {
    return new ProvisioningSettings(bfbDir, progressInterval, recheckInterval, retryBase, retryMax, imageServerPort,
        imageBaseUrl, root, installTimeout, imageTls);
  }

  public ProvisioningSettings withInstallTimeout(Duration timeout) {
    return new ProvisioningSettings(bfbDir, progressInterval, recheckInterval, retryBase, retryMax, imageServerPort,
        imageBaseUrl, rshimRoot, timeout, imageTls);
  }

  public ProvisioningSettings withImageTls(ImageTls tls) {
    return new ProvisioningSettings(bfbDir, progressInterval, recheckInterval, retryBase, retryMax, imageServerPort,
        imageBaseUrl, rshimRoot, installTimeout, tls);
  }

  /**
   * HTTPS for the image endpoint. Off by default: a BlueField BMC pulls HTTPS only from a server whose
   * CA is in its truststore (Managers/Bluefield_BMC/Truststore), which out of the box it is not, while
   * HTTP works with every BMC. Turn it on once the BMCs trust the CA, because the image carries bf.cfg
   * and with it the DPU cluster's join token.
   *
   * @param https whether to serve HTTPS at all
   * @param certDir a mounted kubernetes.io/tls Secret ({@code tls.crt}, {@code tls.key}); null with
   *     https means a certificate generated at start by a CA made then (for demos and tests: it
   *     changes with every restart, so BMCs cannot keep trusting it)
   */
  public record ImageTls(boolean https, Path certDir) {
    public static final ImageTls OFF = new ImageTls(false, null);

    public static ImageTls fromSecret(Path dir) {
      return new ImageTls(true, dir);
    }

    public static ImageTls generated() {
      return new ImageTls(true, null);
    }

    public String scheme() {
      return https ? "https" : "http";
    }
  }

  /** Capped exponential backoff: attempt 1 waits {@code retryBase}, each later one twice as long. */
  public Duration retryDelay(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 20);
    Duration delay = retryBase.multipliedBy(1L << doublings);
    return delay.compareTo(retryMax) > 0 ? retryMax : delay;
  }
}
