package io.dpf.testkit;

import io.dpf.testkit.node.NodeNetwork;
import io.dpf.testkit.node.NodeSlot;
import io.dpf.testkit.node.RealNode;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
  private static final String KEEP_FILE = "keep";
  private static final String ETCD_SOCKET = "etcd.sock:2379";

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(RUNNING).forEach(LocalControlPlane::close),
        "local-control-plane-shutdown"));
  }

  private final String name;
  private final Path dir;
  private final ClusterOptions options;
  private final boolean apiServerOnly;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private ClusterCredentials credentials;
  private String kubeconfigYaml;
  private KubernetesClient client;
  private NodeSlot slot;
  private RealNode realNode;

  private LocalControlPlane(String name, ClusterOptions options) {
    this.name = name;
    this.options = options;
    this.apiServerOnly = options.apiServerOnly();
    this.dir = OwnedDirectories.create(DIR_PREFIX, name);
  }

  /** A full cluster: API server, controllers, scheduler and simulated nodes. */
  public static LocalControlPlane start(String name) {
    return start(name, ClusterOptions.full());
  }

  /** Only etcd and kube-apiserver: enough for API validation tests, and quicker. */
  public static LocalControlPlane startApiServerOnly(String name) {
    return start(name, ClusterOptions.onlyApiServer());
  }

  /** A cluster as {@code options} say: with a real node, reachable from other clusters' pods. */
  public static LocalControlPlane start(String name, ClusterOptions options) {
    return new LocalControlPlane(name, options).boot();
  }

  private LocalControlPlane boot() {
    Instant started = Instant.now();
    RUNNING.add(this);
    try {
      Path bin = EnvtestBinaries.directory();
      String address = "127.0.0.1";
      if (options.reachableFromPods()) {
        // An address of our own on a device of our own: pods (and other clusters' pods) reach it,
        // and no other cluster on the machine can bind it.
        slot = NodeSlot.claim(dir, dir.resolve(KEEP_FILE));
        NodeNetwork.createAnchor(slot.names());
        address = slot.names().anchorAddress();
      }
      credentials = ClusterCredentials.create(dir, address);
      int apiPort = freePort(address);
      startEtcd(bin);
      startApiServer(bin, address, apiPort);
      String server = "https://" + address + ":" + apiPort;
      kubeconfigYaml = Kubeconfigs.admin(name, server, credentials);
      Files.writeString(kubeconfig(), kubeconfigYaml);
      client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfigYaml)).build();
      awaitReady("kube-apiserver /readyz", () -> "ok".equals(readyz()));
      awaitReady("namespace default", () -> client.namespaces().withName("default").get() != null);
      if (!apiServerOnly) {
        startControllers(bin);
        awaitReady("service account default/default",
            () -> client.serviceAccounts().inNamespace("default").withName("default").get() != null);
      }
      if (options.realNode() != null) {
        realNode = RealNode.start(slot, dir, dir.resolve(KEEP_FILE), credentials.certificateAuthority(), server,
            client, options.realNode());
      }
      LOG.info("cluster {} ready in {} ms at {} (kubeconfig {})", name,
          Duration.between(started, Instant.now()).toMillis(), server, kubeconfig());
      return this;
    } catch (RuntimeException | IOException e) {
      close();
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
  }

  /**
   * etcd on unix sockets in the cluster's directory, not on TCP: no other process on the machine
   * (another cluster's API server after a port race, another test JVM) can reach it by a port.
   * etcd wants the host:port form, so the sockets are named etcd.sock:2379 in its working directory.
   */
  private void startEtcd(Path bin) {
    String client = "unix://" + ETCD_SOCKET;
    String peer = "unix://peer.sock:2380";
    launch("etcd", List.of(bin.resolve("etcd").toString(),
        "--name=" + name, "--data-dir=" + dir.resolve("etcd"),
        "--listen-client-urls=" + client, "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer, "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=" + name + "=" + peer,
        "--unsafe-no-fsync=true", "--log-level=warn"), dir);
  }

  private void startApiServer(Path bin, String address, int apiPort) {
    Path pki = credentials.dir();
    List<String> command = new ArrayList<>(List.of(bin.resolve("kube-apiserver").toString(),
        "--etcd-servers=unix://" + dir.resolve(ETCD_SOCKET),
        "--bind-address=" + address, "--advertise-address=" + address, "--secure-port=" + apiPort,
        "--cert-dir=" + pki,
        "--tls-cert-file=" + pki.resolve("apiserver.crt"), "--tls-private-key-file=" + pki.resolve("apiserver.key"),
        "--client-ca-file=" + pki.resolve("ca.crt"),
        "--service-cluster-ip-range=10.0.0.0/24", "--allow-privileged=true",
        // Node authorization lets a kubelet read what its own pods use, and no more.
        options.realNode() != null ? "--authorization-mode=Node,RBAC" : "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc",
        "--service-account-key-file=" + pki.resolve("sa.pub"),
        "--service-account-signing-key-file=" + pki.resolve("sa.key"),
        // Without the token controller running, the ServiceAccount admission plugin would refuse Pods.
        apiServerOnly ? "--disable-admission-plugins=ServiceAccount" : "--enable-admission-plugins=NodeRestriction",
        "--enable-bootstrap-token-auth=true"));
    if (options.realNode() != null) {
      command.addAll(List.of(
          "--kubelet-client-certificate=" + pki.resolve("apiserver-kubelet-client.crt"),
          "--kubelet-client-key=" + pki.resolve("apiserver-kubelet-client.key"),
          "--kubelet-certificate-authority=" + pki.resolve("ca.crt"),
          "--kubelet-preferred-address-types=InternalIP"));
    }
    launch("kube-apiserver", command, null);
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
        // Fake pod addresses, apart from real nodes' 10.246.0.0/16. Leases renewed every 10 s: without
        // them a node's only heartbeat is a status patch about once a minute, past the controller
        // manager's 50 s grace period, and every pod on it turns unready.
        "--node-ip=10.0.0.1", "--cidr=10.245.0.0/16", "--node-lease-duration-seconds=40",
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

  /** The cluster's directory: PKI, kubeconfig, the log of every process, the real node's files. */
  public Path directory() {
    return dir;
  }

  /** The real node that runs containers, when the cluster was started with one. */
  @Override
  public Optional<RealNode> realNode() {
    return Optional.ofNullable(realNode);
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
      Files.deleteIfExists(dir.resolve(OwnedDirectories.OWNER_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RUNNING.remove(this);
    if (slot != null) {
      slot.keep();
    }
    return dir;
  }

  @Override
  public void close() {
    if (!RUNNING.remove(this)) {
      return;
    }
    if (realNode != null) {
      realNode.close();
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
    if (slot != null) {
      slot.close(); // pods, mounts, namespace, devices, cgroups
    }
    if (!Boolean.getBoolean("dpf.testkit.keep")) {
      OwnedDirectories.deleteRecursively(dir);
    }
    LOG.info("cluster {} stopped", name);
  }

  private void launch(String process, List<String> command) {
    launch(process, command, null);
  }

  private void launch(String process, List<String> command, Path workingDir) {
    ManagedProcess started = ManagedProcess.start(process, dir, dir.resolve(KEEP_FILE), command, workingDir, null);
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
    return freePort("127.0.0.1");
  }

  static int freePort(String address) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
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
}
