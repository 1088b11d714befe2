package io.dpf.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Open vSwitch of this JVM's own, standing in for a DPU node's: Debian's ovsdb-server and
 * ovs-vswitchd with the userspace ({@code netdev}) datapath, their sockets, database and logs in a
 * private run directory, ovs-vswitchd inside a network namespace of its own (the "node"), so the
 * netdevs it opens ({@code pf0hpf}, {@code p0}, ...) can carry the reference's names without
 * meeting another JVM's. The system's Open vSwitch, if any, is never touched.
 *
 * <p>Everything it creates goes on {@link #close()}, and also when the JVM dies: the daemons run
 * under the testkit's watchdog, and a reaper deletes the namespaces and the directory.
 */
public final class LocalOpenVswitch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalOpenVswitch.class);
  private static final String DIR_PREFIX = "dpf-ovs-";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final String SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";
  private static final List<String> TOOLS = List.of("ovsdb-tool", "ovsdb-server", "ovs-vswitchd", "ovs-vsctl",
      "ovs-ofctl", "ovs-appctl", "ip", "ping");

  private final String name;
  private final Path dir;
  private final String prefix;
  private final String nodeNamespace;
  private final AtomicInteger workloads = new AtomicInteger();
  private final AtomicInteger vswitchdStarts = new AtomicInteger();
  private final List<ManagedProcess> daemons = new ArrayList<>();
  private ManagedProcess reaper;
  private ManagedProcess vswitchd;
  private boolean closed;

  private LocalOpenVswitch(String name) {
    this.name = name;
    this.dir = OwnedDirectories.create(DIR_PREFIX, name);
    this.prefix = NetworkNamespaces.newPrefix();
    this.nodeNamespace = prefix + "node";
  }

  /** Why no Open vSwitch can be started here (for a test's skip message), or empty when it can. */
  public static Optional<String> unavailableReason() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of("Open vSwitch tests need root (network namespaces, ovs-vswitchd); running as "
          + System.getProperty("user.name"));
    }
    List<String> missing = TOOLS.stream().filter(tool -> !onPath(tool)).toList();
    if (!missing.isEmpty() || !Files.isRegularFile(Path.of(SCHEMA))) {
      return Optional.of("Open vSwitch or its tools are not installed (missing " + missing
          + (Files.isRegularFile(Path.of(SCHEMA)) ? "" : ", " + SCHEMA) + "); hack/install-packages.sh installs them");
    }
    return Optional.empty();
  }

  public static LocalOpenVswitch start(String name) {
    unavailableReason().ifPresent(reason -> {
      throw new IllegalStateException(reason);
    });
    LocalOpenVswitch ovs = new LocalOpenVswitch(name);
    try {
      return ovs.boot();
    } catch (RuntimeException e) {
      ovs.close();
      throw e;
    }
  }

  private LocalOpenVswitch boot() {
    NetworkNamespaces.removeThoseOfDeadJvms();
    Path keep = dir.resolve("keep");
    // Cleans up after a JVM that dies: the watchdog TERMs it, and the trap removes what we created.
    String cleanup = NetworkNamespaces.deleteAllCommand(prefix)
        + (Boolean.getBoolean("dpf.testkit.keep") ? "" : "; rm -rf '" + dir + "'");
    reaper = ManagedProcess.start("reaper", dir, keep, List.of("bash", "-c",
        "trap '" + cleanup.replace("'", "'\\''") + "; exit 0' TERM; sleep infinity & wait"));
    NetworkNamespaces.create(nodeNamespace);
    Shell.run(List.of("ovsdb-tool", "create", dir.resolve("conf.db").toString(), SCHEMA));
    daemons.add(ManagedProcess.start("ovsdb-server", dir, keep, withEnvironment(List.of("ovsdb-server",
        dir.resolve("conf.db").toString(), "--remote=punix:" + dir.resolve("db.sock"),
        "--unixctl=" + dir.resolve("ovsdb-server.ctl"), "--pidfile=" + dir.resolve("ovsdb-server.pid"),
        "-vconsole:info"))));
    awaitUntil("ovsdb-server socket", () -> Files.exists(dir.resolve("db.sock")));
    vsctlNoWait("init");
    startVswitchd();
    LOG.info("Open vSwitch {} running in {} (node namespace {})", name, dir, nodeNamespace);
    return this;
  }

  /** The run directory: {@code db.sock}, {@code <bridge>.mgmt}, {@code ovs-vswitchd.pid}, logs. */
  public Path runDirectory() {
    return dir;
  }

  /** {@code unix:<run dir>/db.sock}, for {@code ovs-vsctl --db}. */
  public String database() {
    return "unix:" + dir.resolve("db.sock");
  }

  /** The network namespace ovs-vswitchd runs in: the netdevs of the simulated DPU node. */
  public String nodeNamespace() {
    return nodeNamespace;
  }

  /** What the OVS tools need to find this switch's sockets. */
  public Map<String, String> environment() {
    return Map.of("OVS_RUNDIR", dir.toString(), "OVS_DBDIR", dir.toString(), "OVS_LOGDIR", dir.toString());
  }

  public String vsctl(String... args) {
    List<String> command = new ArrayList<>(List.of("ovs-vsctl", "--db=" + database(), "--timeout=10"));
    command.addAll(Arrays.asList(args));
    return Shell.run(command, environment());
  }

  public String ofctl(String... args) {
    List<String> command = new ArrayList<>(List.of("ovs-ofctl", "--timeout=10"));
    command.addAll(Arrays.asList(args));
    return Shell.run(command, environment());
  }

  /** The bridge's flows as {@code ovs-ofctl dump-flows --no-stats} prints them, one per element. */
  public List<String> flows(String bridge) {
    return ofctl("dump-flows", "--no-stats", bridge).lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("NXST_FLOW") && !line.startsWith("OFPST_FLOW"))
        .toList();
  }

  /** Names of the bridge's ports, its own internal port excluded. */
  public List<String> ports(String bridge) {
    return vsctl("list-ports", bridge).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /**
   * A userspace bridge as a DPU's OVS setup would create it, in secure fail mode: without any
   * flow it forwards nothing, so traffic that passes was let through by flows somebody installed.
   */
  public void addBridge(String bridge) {
    vsctl("--may-exist", "add-br", bridge, "--", "set", "bridge", bridge, "datapath_type=netdev", "fail_mode=secure");
  }

  /**
   * A netdev of the node that carries no traffic (a PF or VF representor nothing is plugged into):
   * one end of a veth pair whose other end waits, unconfigured, in a namespace of its own (the
   * kernel here may have no dummy links).
   */
  public void addNetdev(String netdev) {
    plug(netdev);
  }

  /**
   * A veth pair: {@code netdev} on the node (for a port of the switch) and {@code eth0} with
   * {@code cidr} in a fresh namespace of its own, the workload behind that port.
   */
  public WorkloadEndpoint addWorkload(String netdev, String cidr) {
    String namespace = plug(netdev);
    Shell.run(NetworkNamespaces.exec(namespace, "ip", "addr", "add", cidr, "dev", "eth0"));
    Shell.run(NetworkNamespaces.exec(namespace, "ip", "link", "set", "eth0", "up"));
    return new WorkloadEndpoint(namespace, "eth0", cidr.substring(0, cidr.indexOf('/')));
  }

  /** A veth pair, {@code netdev} up on the node and {@code eth0} in a new namespace; returns that namespace. */
  private String plug(String netdev) {
    String namespace = prefix + "w" + workloads.incrementAndGet();
    NetworkNamespaces.create(namespace);
    Shell.run(NetworkNamespaces.exec(nodeNamespace, "ip", "link", "add", netdev, "type", "veth", "peer", "name", "eth0",
        "netns", namespace));
    Shell.run(NetworkNamespaces.exec(nodeNamespace, "ip", "link", "set", netdev, "up"));
    return namespace;
  }

  /** The pid in ovs-vswitchd's pidfile. */
  public long vswitchdPid() {
    try {
      return Long.parseLong(Files.readString(dir.resolve("ovs-vswitchd.pid")).strip());
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("ovs-vswitchd of " + name + " has no pidfile", e);
    }
  }

  /** Stops ovs-vswitchd (its OpenFlow tables go with it; the database keeps bridges and ports) and starts it again. */
  public void restartVswitchd() {
    vswitchd.stop();
    daemons.remove(vswitchd);
    startVswitchd();
  }

  /** Stops ovs-vswitchd and leaves it stopped, as a crash would. */
  public void stopVswitchd() {
    vswitchd.stop();
    daemons.remove(vswitchd);
  }

  public void startVswitchd() {
    Path pidFile = dir.resolve("ovs-vswitchd.pid");
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int start = vswitchdStarts.incrementAndGet();
    vswitchd = ManagedProcess.start(start == 1 ? "ovs-vswitchd" : "ovs-vswitchd-" + start, dir, dir.resolve("keep"),
        withEnvironment(NetworkNamespaces.exec(nodeNamespace, "ovs-vswitchd", database(),
            "--unixctl=" + dir.resolve("ovs-vswitchd.ctl"), "--pidfile=" + pidFile, "-vconsole:info")));
    daemons.add(vswitchd);
    awaitUntil("ovs-vswitchd", () -> Files.exists(pidFile) && Shell.attempt(List.of("ovs-appctl", "-t",
        dir.resolve("ovs-vswitchd.ctl").toString(), "version"), environment()).succeeded());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<ManagedProcess> reversed = new ArrayList<>(daemons);
    Collections.reverse(reversed);
    reversed.forEach(ManagedProcess::stop);
    if (reaper != null) {
      reaper.stop(); // its trap deletes the namespaces and the directory
    }
    NetworkNamespaces.delete(nodeNamespace);
    LOG.info("Open vSwitch {} stopped", name);
  }

  private void vsctlNoWait(String... args) {
    List<String> command = new ArrayList<>(List.of("ovs-vsctl", "--db=" + database(), "--no-wait", "--timeout=10"));
    command.addAll(Arrays.asList(args));
    Shell.run(command, environment());
  }

  private List<String> withEnvironment(List<String> command) {
    List<String> full = new ArrayList<>(List.of("env"));
    environment().forEach((key, value) -> full.add(key + "=" + value));
    full.addAll(command);
    return full;
  }

  private void awaitUntil(String what, BooleanSupplier ready) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      for (ManagedProcess daemon : daemons) {
        if (!daemon.isAlive()) {
          throw new IllegalStateException(daemon.name() + " of Open vSwitch " + name + " exited while waiting for "
              + what + ":\n" + daemon.tail(20));
        }
      }
      if (ready.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException("Open vSwitch " + name + ": timed out after " + START_TIMEOUT + " waiting for "
        + what + "; logs in " + dir);
  }

  private static boolean onPath(String tool) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, tool))) {
        return true;
      }
    }
    return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
  }
}
