package io.dpf.testkit;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver, kube-controller-manager (garbage
 * collection, Deployments → ReplicaSets → Pods, service accounts), kube-scheduler and KWOK (simulated
 * nodes whose Pods become Running). Each instance is its own cluster with its own CA; start as many
 * as a test needs (a host cluster and DPU clusters).
 */
public final class LocalControlPlane implements Cluster {

  private static final Logger LOG = LoggerFactory.getLogger(LocalControlPlane.class);
  private static final Set<LocalControlPlane> RUNNING = Collections.synchronizedSet(new LinkedHashSet<>());
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final String DIR_PREFIX = "dpf-cluster-";
  private static final String OWNER_FILE = "owner.pid";
  private static final String KEEP_FILE = "keep";

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(LocalControlPlane::close),
        "local-control-plane-shutdown"));
  }

  private final String name;
  private final Path dir;
  private final boolean apiServerOnly;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private ClusterCredentials credentials;
  private String kubeconfigYaml;
  private KubernetesClient client;

  private LocalControlPlane(String name, boolean apiServerOnly) {
    this.name = name;
    this.apiServerOnly = apiServerOnly;
    try {
      removeDirectoriesOfDeadJvms();
      this.dir = Files.createTempDirectory(DIR_PREFIX + name + "-");
      Files.writeString(dir.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A full cluster: API server, controllers, scheduler and simulated nodes. */
  public static LocalControlPlane start(String name) {
    return new LocalControlPlane(name, false).boot();
  }

  /** Only etcd and kube-apiserver: enough for API validation tests, and quicker. */
  public static LocalControlPlane startApiServerOnly(String name) {
    return new LocalControlPlane(name, true).boot();
  }

  private LocalControlPlane boot() {
    Instant started = Instant.now();
    RUNNING.add(this);
    try {
      Path bin = EnvtestBinaries.directory();
      credentials = ClusterCredentials.create(dir);
      int etcdPort = freePort();
      int apiPort = freePort();
      startEtcd(bin, etcdPort);
      startApiServer(bin, etcdPort, apiPort);
      kubeconfigYaml = Kubeconfigs.admin(name, "https://127.0.0.1:" + apiPort, credentials);
      Files.writeString(kubeconfig(), kubeconfigYaml);
      client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
      awaitReady("kube-apiserver /readyz", () -> "ok".equals(readyz()));
      awaitReady("namespace default", () -> client.namespaces().withName("default").get() != null);
      if (!apiServerOnly) {
        startControllers(bin);
        awaitReady("service account default/default",
            () -> client.serviceAccounts().inNamespace("default").withName("default").get() != null);
      }
      LOG.info("cluster {} ready in {} ms at https://127.0.0.1:{} (kubeconfig {})", name,
          Duration.between(started, Instant.now()).toMillis(), apiPort, kubeconfig());
      return this;
    } catch (RuntimeException | IOException e) {
      close();
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
  }

  private void startEtcd(Path bin, int port) {
    int peerPort = freePort();
    String client = "http://127.0.0.1:" + port;
    String peer = "http://127.0.0.1:" + peerPort;
    launch("etcd", List.of(bin.resolve("etcd").toString(),
        "--name=" + name, "--data-dir=" + dir.resolve("etcd"),
        "--listen-client-urls=" + client, "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=" + name + "=" + peer,
        "--unsafe-no-fsync=true", "--log-level=warn"));
  }

  private void startApiServer(Path bin, int etcdPort, int apiPort) {
    Path pki = credentials.dir();
    launch("kube-apiserver", List.of(bin.resolve("kube-apiserver").toString(),
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port=" + apiPort,
        "--cert-dir=" + pki,
        "--tls-cert-file=" + pki.resolve("apiserver.crt"), "--tls-private-key-file=" + pki.resolve("apiserver.key"),
        "--client-ca-file=" + pki.resolve("ca.crt"),
        "--service-cluster-ip-range=10.0.0.0/24", "--allow-privileged=true",
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc",
        "--service-account-key-file=" + pki.resolve("sa.pub"),
        "--service-account-signing-key-file=" + pki.resolve("sa.key"),
        // Without the token controller running, the ServiceAccount admission plugin would refuse Pods.
        apiServerOnly ? "--disable-admission-plugins=ServiceAccount" : "--enable-admission-plugins=NodeRestriction",
        "--enable-bootstrap-token-auth=true"));
  }

  private void startControllers(Path bin) throws IOException {
    Path pki = credentials.dir();
    String kubeconfig = kubeconfig().toString();
    launch("kube-controller-manager", List.of(bin.resolve("kube-controller-manager").toString(),
        "--kubeconfig=" + kubeconfig, "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig,
        "--controllers=*,bootstrapsigner,tokencleaner", "--leader-elect=false",
        "--use-service-account-credentials=false", "--secure-port=0",
        "--service-account-private-key-file=" + pki.resolve("sa.key"),
        "--root-ca-file=" + pki.resolve("ca.crt"),
        "--cluster-signing-cert-file=" + pki.resolve("ca.crt"),
        "--cluster-signing-key-file=" + pki.resolve("ca.key"),
        "--cluster-name=" + name));
    launch("kube-scheduler", List.of(bin.resolve("kube-scheduler").toString(),
        "--kubeconfig=" + kubeconfig, "--authentication-kubeconfig=" + kubeconfig,
        "--authorization-kubeconfig=" + kubeconfig, "--leader-elect=false", "--secure-port=0"));
    launch("kwok", List.of(bin.resolve("kwok").toString(),
        "--kubeconfig=" + kubeconfig, "--config=" + bin.resolve("kwok-stages.yaml"),
        "--manage-all-nodes=false",
        "--manage-nodes-with-annotation-selector=" + KwokNodes.MANAGED_ANNOTATION + "=fake",
        "--node-ip=10.0.0.1", "--cidr=10.244.0.0/16", "--node-lease-duration-seconds=40",
        "--server-address=127.0.0.1:" + freePort(), "--node-port=" + freePort()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public String kubeconfigYaml() {
    return kubeconfigYaml;
  }

  @Override
  public Path kubeconfig() {
    return dir.resolve("admin.conf");
  }

  @Override
  public boolean runsWorkloads() {
    return !apiServerOnly;
  }

  @Override
  public void addNode(String nodeName, Map<String, String> labels) {
    if (apiServerOnly) {
      throw new IllegalStateException("cluster " + name + " runs no node simulator (started API server only)");
    }
    KwokNodes.create(client, nodeName, labels);
  }

  /** The OS processes of this cluster (watchdogs and servers), for tests that check none outlive close(). */
  public List<Long> pids() {
    synchronized (processes) {
      return processes.stream().flatMap(p -> p.pids().stream()).toList();
    }
  }

  /** The CA private key and certificate, e.g. to compute the CA hash DPUs join with. */
  public ClusterCredentials credentials() {
    return credentials;
  }

  /**
   * Leaves this cluster running when the JVM ends (for a user who wants to look around after a
   * demo); {@code close()} then does nothing. Returns its directory: every process of the cluster
   * names it on its command line, which is how {@code ./dpf down} finds and stops them.
   */
  public Path keepRunning() {
    try {
      Files.writeString(dir.resolve(KEEP_FILE), "kept by pid " + ProcessHandle.current().pid());
      Files.deleteIfExists(dir.resolve(OWNER_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RUNNING.remove(this);
    return dir;
  }

  @Override
  public void close() {
    if (!RUNNING.remove(this)) {
      return;
    }
    if (client != null) {
      client.close();
    }
    List<ManagedProcess> reversed;
    synchronized (processes) {
      reversed = new ArrayList<>(processes);
    }
    Collections.reverse(reversed);
    reversed.forEach(ManagedProcess::stop);
    if (!Boolean.getBoolean("dpf.testkit.keep")) {
      deleteRecursively(dir);
    }
    LOG.info("cluster {} stopped", name);
  }

  private void launch(String process, List<String> command) {
    ManagedProcess started = ManagedProcess.start(process, dir, dir.resolve(KEEP_FILE), command);
    synchronized (processes) {
      processes.add(started);
    }
  }

  private String readyz() {
    try {
      return client.raw("/readyz");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void awaitReady(String what, BooleanSupplier check) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      synchronized (processes) {
        for (ManagedProcess p : processes) {
          if (!p.isAlive()) {
            throw new IllegalStateException(p.name() + " of cluster " + name + " exited while waiting for " + what
                + "; last log lines:\n" + p.tail(30));
          }
        }
      }
      try {
        if (check.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // the server is still coming up
      }
      sleep(200);
    }
    throw new IllegalStateException("cluster " + name + ": timed out after " + START_TIMEOUT + " waiting for " + what
        + "; logs in " + dir);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A JVM killed with SIGKILL cannot delete its clusters' directories; the next one does. */
  private static void removeDirectoriesOfDeadJvms() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> dirs = Files.list(tmp)) {
      dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX))
          .filter(d -> Files.isRegularFile(d.resolve(OWNER_FILE)))
          .filter(d -> !ownerAlive(d))
          .forEach(LocalControlPlane::deleteRecursively);
    }
  }

  private static boolean ownerAlive(Path dir) {
    try {
      long pid = Long.parseLong(Files.readString(dir.resolve(OWNER_FILE)).trim());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return true; // not sure: leave it
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}
