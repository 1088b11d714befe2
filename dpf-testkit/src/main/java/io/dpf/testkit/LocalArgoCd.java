package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Argo CD v3 (application-controller, repo-server and a miniredis, built by
 * {@code hack/envtest/install.sh argocd}) as local processes watching one namespace of a host
 * cluster: Applications there are rendered from their Helm repositories and synced into the
 * clusters their cluster Secrets name, with Argo CD's own sync, health, self-heal, pruning and
 * resources finalizer. Destination clusters must run a garbage collector (full local clusters):
 * the finalizer deletes in the foreground. See {@code ARGOCD.md} for the recipe this follows.
 */
public final class LocalArgoCd implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalArgoCd.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String DIR_PREFIX = "dpf-argocd-";
  /** Where Argo CD's TLS trust for Helm repositories lives in a real install (key: host name). */
  public static final String TLS_CERTS_CONFIG_MAP = "argocd-tls-certs-cm";

  private final Cluster host;
  private final String namespace;
  private final Path dir;
  private final List<ManagedProcess> processes = new ArrayList<>();

  private LocalArgoCd(Cluster host, String namespace, Path dir) {
    this.host = host;
    this.namespace = namespace;
    this.dir = dir;
  }

  /** Argo CD for {@code namespace} of {@code host}, refreshing every Application every 10 s. */
  public static LocalArgoCd start(Cluster host, String namespace) {
    return start(host, namespace, Duration.ofSeconds(10));
  }

  /**
   * @param resync how often every Application is compared again without an event (upstream's
   *     default is 120 s with up to 60 s of jitter; jitter is off here so waits are predictable)
   */
  public static LocalArgoCd start(Cluster host, String namespace, Duration resync) {
    LocalArgoCd argoCd = new LocalArgoCd(host, namespace, OwnedDirectories.create(DIR_PREFIX, namespace));
    try {
      argoCd.boot(resync);
      return argoCd;
    } catch (RuntimeException | IOException e) {
      argoCd.close();
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
  }

  /** Argo CD's Application, AppProject and ApplicationSet CRDs of the release built, from its module. */
  public static Path crds() {
    return EnvtestBinaries.component("argocd").resolve("argocd-crds");
  }

  private void boot(Duration resync) throws IOException {
    Instant started = Instant.now();
    Path bin = EnvtestBinaries.component("argocd");
    prepareHost();
    for (String sub : List.of("scratch", "tls", "ssh", "gpg/keys", "gpg/source", "plugins", "bin")) {
      Files.createDirectories(dir.resolve(sub));
    }
    // The repo-server runs `helm pull` and `helm template` from PATH: only our helm on it.
    Files.createSymbolicLink(dir.resolve("bin/helm"), EnvtestBinaries.binary("helm"));
    int redis = LocalControlPlane.freePort();
    int repoServer = LocalControlPlane.freePort();
    int repoMetrics = LocalControlPlane.freePort();
    int controllerMetrics = LocalControlPlane.freePort();
    Map<String, String> env = environment();

    launch("miniredis", List.of(bin.resolve("miniredis").toString(), "127.0.0.1:" + redis), env);
    await("miniredis", () -> accepts(redis));
    launch("argocd-repo-server", List.of(bin.resolve("argocd-repo-server").toString(),
        "--address", "127.0.0.1", "--port", String.valueOf(repoServer),
        "--metrics-address", "127.0.0.1", "--metrics-port", String.valueOf(repoMetrics),
        "--redis", "127.0.0.1:" + redis,
        // Plaintext on loopback; the empty client CA path is required with --disable-tls.
        "--disable-tls", "--client-ca-path=",
        "--logformat", "text", "--loglevel", "info"), env);
    await("argocd-repo-server", () -> accepts(repoServer));

    Map<String, String> controllerEnv = new LinkedHashMap<>(env);
    // The built-in in-cluster destination then means the host kubeconfig, not a pod's service account.
    controllerEnv.put("KUBECONFIG", host.kubeconfig().toString());
    controllerEnv.put("ARGOCD_FAKE_IN_CLUSTER", "true");
    launch("argocd-application-controller", List.of(bin.resolve("argocd-application-controller").toString(),
        "--kubeconfig", host.kubeconfig().toString(), "--namespace", namespace,
        "--redis", "127.0.0.1:" + redis,
        "--repo-server", "127.0.0.1:" + repoServer, "--repo-server-plaintext",
        // Hard-coded to listen on 0.0.0.0 upstream; a free port keeps instances apart.
        "--metrics-port", String.valueOf(controllerMetrics),
        "--app-resync", String.valueOf(Math.max(1, resync.toSeconds())), "--app-resync-jitter", "0",
        "--logformat", "text", "--loglevel", "info"), controllerEnv);
    await("argocd-application-controller /healthz", () -> healthz(controllerMetrics));
    LOG.info("Argo CD for {} on cluster {} ready in {} ms (logs in {})", namespace, host.name(),
        Duration.between(started, Instant.now()).toMillis(), dir);
  }

  /** CRDs, the namespace, and the two config objects the processes refuse to start without. */
  private void prepareHost() {
    host.installCrds(crds());
    KubernetesClient client = host.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("argocd-cm").withNamespace(namespace)
        .addToLabels("app.kubernetes.io/part-of", "argocd").endMetadata()
        // Upstream's default: status-only changes of live objects do not trigger a refresh.
        .addToData("resource.customizations.ignoreResourceUpdates.all", "jsonPointers:\n- /status\n")
        .build()).serverSideApply();
    client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata()
        .withName("argocd-secret").withNamespace(namespace)
        .addToLabels("app.kubernetes.io/part-of", "argocd").endMetadata().withType("Opaque").build())
        .serverSideApply();
  }

  /**
   * Trusts {@code repository}'s CA for its host. A real install mounts ConfigMap
   * {@value #TLS_CERTS_CONFIG_MAP} into the repo-server; as a local process it reads the same
   * files from {@code ARGOCD_TLS_DATA_PATH}, so both are written.
   */
  public void trust(HelmChartRepository repository) {
    try {
      Files.writeString(dir.resolve("tls").resolve(repository.host()), repository.caCertificatePem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    host.client().configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata()
        .withName(TLS_CERTS_CONFIG_MAP).withNamespace(namespace)
        .addToLabels("app.kubernetes.io/part-of", "argocd").endMetadata()
        .addToData(repository.host(), repository.caCertificatePem()).build()).serverSideApply();
  }

  public String namespace() {
    return namespace;
  }

  /** Resident memory of each process (kB from /proc, VmRSS), by process name. */
  public Map<String, Long> residentKilobytes() {
    Map<String, Long> rss = new LinkedHashMap<>();
    synchronized (processes) {
      for (ManagedProcess process : processes) {
        long total = 0;
        for (long pid : process.pids()) {
          total += vmRss(pid);
        }
        rss.put(process.name(), total);
      }
    }
    return rss;
  }

  /** The OS processes (watchdogs and servers), for tests that check none outlive close(). */
  public List<Long> pids() {
    synchronized (processes) {
      return processes.stream().flatMap(p -> p.pids().stream()).toList();
    }
  }

  /** The last log lines of a process ("argocd-application-controller", "argocd-repo-server", "miniredis"). */
  public String tail(String process, int lines) {
    synchronized (processes) {
      return processes.stream().filter(p -> p.name().equals(process)).findFirst()
          .map(p -> p.tail(lines)).orElse("(no process " + process + ")");
    }
  }

  /** Stops the controller first (it writes), then the repo-server, then Redis. */
  @Override
  public void close() {
    List<ManagedProcess> reversed;
    synchronized (processes) {
      reversed = new ArrayList<>(processes);
      processes.clear();
    }
    Collections.reverse(reversed);
    reversed.forEach(ManagedProcess::stop);
    if (!Boolean.getBoolean("dpf.testkit.keep")) {
      OwnedDirectories.deleteRecursively(dir);
    }
  }

  /** A clean environment: per-host defaults (/app/config, the ask-pass socket, temp dirs) moved into our directory. */
  private Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
    env.put("HOME", dir.toString());
    env.put("TMPDIR", dir.resolve("scratch").toString());
    // Must be absolute and clean: the certificate file found must start with it.
    env.put("ARGOCD_TLS_DATA_PATH", dir.resolve("tls").toAbsolutePath().normalize().toString());
    env.put("ARGOCD_SSH_DATA_PATH", dir.resolve("ssh").toString());
    env.put("ARGOCD_GNUPGHOME", dir.resolve("gpg/keys").toString());
    env.put("ARGOCD_GPG_DATA_PATH", dir.resolve("gpg/source").toString());
    env.put("ARGOCD_GPG_ENABLED", "false");
    env.put("ARGOCD_PLUGINSOCKFILEPATH", dir.resolve("plugins").toString());
    env.put("ARGOCD_ASK_PASS_SOCK", dir.resolve("reposerver-ask-pass.sock").toString());
    return env;
  }

  private void launch(String name, List<String> command, Map<String, String> env) {
    ManagedProcess process = ManagedProcess.start(name, dir, dir.resolve("keep"), command, dir, env);
    synchronized (processes) {
      processes.add(process);
    }
  }

  private void await(String what, BooleanSupplier ready) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      synchronized (processes) {
        for (ManagedProcess p : processes) {
          if (!p.isAlive()) {
            throw new IllegalStateException(p.name() + " exited while waiting for " + what + "; last log lines:\n"
                + p.tail(30));
          }
        }
      }
      if (ready.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException("Argo CD: timed out after " + START_TIMEOUT + " waiting for " + what
        + "; logs in " + dir);
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean healthz(int port) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/healthz").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static long vmRss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException gone) {
      // the process ended meanwhile
    }
    return 0;
  }
}
