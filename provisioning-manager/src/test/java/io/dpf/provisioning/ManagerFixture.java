package io.dpf.provisioning;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.dpf.api.ApiTypes;
import io.dpf.provisioning.bfb.BfbDownloader;
import io.dpf.provisioning.bfb.BfbDownloads;
import io.dpf.provisioning.dpu.ImageServer;
import io.dpf.provisioning.dpu.install.HostAgentSettings;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;
import io.dpf.testkit.Cluster;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The provisioning manager running in this JVM against a real API server, as its pod would run it,
 * with short intervals so tests do not wait minutes. {@link #kill} stops it the hard way for the
 * tests that matter: reconciling stops and running downloads are interrupted mid-stream.
 */
public final class ManagerFixture implements AutoCloseable {

  private final Manager manager;
  private final BfbDownloads downloads;
  private final ImageServer images;
  private final KubernetesClient client;

  private ManagerFixture(Manager manager, BfbDownloads downloads, ImageServer images, KubernetesClient client) {
    this.manager = manager;
    this.downloads = downloads;
    this.images = images;
    this.client = client;
  }

  public static ProvisioningSettings fastSettings(Path bfbDir) {
    return ProvisioningSettings.defaults().withBfbDir(bfbDir)
        .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(4))
        .withImageServer(0, null);
  }

  /** Installs every DPF CRD and the namespace once per cluster. */
  public static void prepare(Cluster cluster, String namespace) {
    cluster.installCrds(ApiTypes.crds());
    cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
        .build()).serverSideApply();
  }

  public static ManagerFixture start(Cluster cluster, ProvisioningSettings settings) {
    return start(cluster, settings, new WriteCounter());
  }

  /** As {@link #start(Cluster, ProvisioningSettings)}, recording every write the manager makes in {@code writes}. */
  public static ManagerFixture start(Cluster cluster, ProvisioningSettings settings, WriteCounter writes) {
    return start(Config.fromKubeconfig(cluster.kubeconfigYaml()), settings, null, writes);
  }

  /**
   * The manager with its client from {@code config} (e.g. impersonating the chart's service
   * account), host agent pods from {@code hostAgent} (null: none), and its image endpoint on
   * {@code settings.imageServerPort()} (0: any free port).
   */
  public static ManagerFixture start(Config config, ProvisioningSettings settings, HostAgentSettings hostAgent,
      WriteCounter writes) {
    return start(config, settings, hostAgent, writes, Modules.EMPTY_MODULE);
  }

  /**
   * As {@link #start(Cluster, ProvisioningSettings, WriteCounter)}, with {@code overrides} replacing
   * bindings of the manager's modules (a benchmark's metrics registry with percentiles, say).
   */
  public static ManagerFixture start(Cluster cluster, ProvisioningSettings settings, WriteCounter writes, Module overrides) {
    return start(Config.fromKubeconfig(cluster.kubeconfigYaml()), settings, null, writes, overrides);
  }

  private static ManagerFixture start(Config config, ProvisioningSettings settings, HostAgentSettings hostAgent,
      WriteCounter writes, Module overrides) {
    BfbDownloads downloads = new BfbDownloads(BfbDownloader.withDefaultClient(), Clock.systemUTC());
    ImageServer images;
    try {
      images = ImageServer.start(settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A client of its own: the manager closes it when it stops.
    KubernetesClient client = writes.countingClient(config);
    Manager manager = Manager.create(Modules.override(
        new ManagerModule(new ManagerSettings("provisioning-manager", 0, null, Duration.ofSeconds(5))),
        ManagerModule.useClient(client),
        Modules.override(new ProvisioningModule(settings, hostAgent))
            .with(binder -> {
              binder.bind(BfbDownloads.class).toInstance(downloads);
              binder.bind(ImageServer.class).toInstance(images);
            })).with(overrides));
    manager.start();
    return new ManagerFixture(manager, downloads, images, client);
  }

  public Manager manager() {
    return manager;
  }

  /** What a Prometheus scrape of this manager's /metrics endpoint reads now. */
  public MetricsText scrapeMetrics() throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + manager.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("/metrics answered HTTP " + response.statusCode());
    }
    return new MetricsText(response.body());
  }

  /** As a crash would: downloads stop mid-stream, nothing is cleaned up. */
  public void kill() {
    downloads.close();
    manager.close();
    images.close();
    client.close();
  }

  @Override
  public void close() {
    kill();
  }
}
