package io.dpf.testkit.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine-wide number that keeps one local cluster's network devices, addresses, network
 * namespace and cgroups apart from those of every other cluster on the machine, in this JVM or
 * another. Slot {@code k} owns:
 *
 * <ul>
 *   <li>bridge {@code dpfa<k>} carrying the API server's address {@code 10.250.<k>.1/32};
 *   <li>network namespace {@code dpf-node-<k>} with veth pair {@code dpfh<k>} (10.251.k.1/30, host)
 *       and {@code dpfn<k>} (10.251.k.2/30, the node's address);
 *   <li>pod range {@code 10.246.<k>.0/24} routed from the host into the namespace;
 *   <li>cgroup {@code /dpf-node-<k>} in every cgroup hierarchy.
 * </ul>
 *
 * <p>Whatever the slot put on the machine is removed by one script, {@code teardown.sh} in the slot's
 * directory under {@value #ROOT}: {@link #close()} runs it, and so does a watchdog when the JVM that
 * claimed the slot ends without closing it (even by SIGKILL). A slot whose owner is gone and whose
 * cluster is not kept is torn down and reused by the next claim.
 */
public final class NodeSlot implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeSlot.class);
  static final String ROOT = "/run/dpf-testkit/slots";
  private static final int FIRST = 1;
  private static final int LAST = 254;

  private final int index;
  private final Path dir;
  private final Process watchdog;
  private boolean closed;

  private NodeSlot(int index, Path dir, Process watchdog) {
    this.index = index;
    this.dir = dir;
    this.watchdog = watchdog;
  }

  /**
   * Claims a free slot for the cluster in {@code clusterDir}. Its processes, mounts and files below
   * {@code clusterDir} are the slot's too; {@code keepFile} existing means "leave it when the JVM ends".
   */
  public static NodeSlot claim(Path clusterDir, Path keepFile) {
    Path root = Path.of(ROOT);
    try {
      Files.createDirectories(root);
      try (FileChannel lockFile = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
               StandardOpenOption.WRITE);
           FileLock ignored = lockFile.lock()) {
        for (int k = FIRST; k <= LAST; k++) {
          Path dir = root.resolve(String.valueOf(k));
          if (Files.isDirectory(dir) && abandoned(dir)) {
            LOG.info("reclaiming node slot {} left by a JVM that is gone", k);
            run(List.of("bash", dir.resolve("teardown.sh").toString()));
            deleteRecursively(dir);
          }
          try {
            Files.createDirectory(dir);
          } catch (FileAlreadyExistsException taken) {
            continue;
          }
          return take(k, dir, clusterDir, keepFile);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot claim a node slot under " + ROOT, e);
    }
    throw new IllegalStateException("all node slots " + FIRST + ".." + LAST + " under " + ROOT + " are in use");
  }

  private static NodeSlot take(int k, Path dir, Path clusterDir, Path keepFile) throws IOException {
    long pid = ProcessHandle.current().pid();
    Files.writeString(dir.resolve("owner"), pid + "\n");
    Files.writeString(dir.resolve("cluster"), clusterDir + "\n");
    Files.writeString(dir.resolve("keep"), keepFile + "\n");
    Path teardown = dir.resolve("teardown.sh");
    Files.writeString(teardown, TeardownScript.render(new SlotNames(k), clusterDir, dir));
    Files.setPosixFilePermissions(teardown, PosixFilePermissions.fromString("rwx------"));
    // Runs the teardown once this JVM is gone, unless the cluster is kept (./dpf up --keep).
    String script = "while kill -0 " + pid + " 2>/dev/null; do sleep 1; done; "
        + "[ -e '" + keepFile + "' ] || exec bash '" + teardown + "'";
    Process watchdog = new ProcessBuilder("setsid", "bash", "-c", script)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("watchdog.log").toFile()))
        .start();
    return new NodeSlot(k, dir, watchdog);
  }

  private static boolean abandoned(Path dir) throws IOException {
    Path owner = dir.resolve("owner");
    if (!Files.isRegularFile(owner)) {
      return true; // a claim that died half-way
    }
    long pid = Long.parseLong(Files.readString(owner).trim());
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    Path keep = dir.resolve("keep");
    return !(Files.isRegularFile(keep) && Files.exists(Path.of(Files.readString(keep).trim())));
  }

  public SlotNames names() {
    return new SlotNames(index);
  }

  public int index() {
    return index;
  }

  /** The cluster is kept running after this JVM: the watchdog leaves everything in place. */
  public void keep() {
    watchdog.destroy();
    closed = true;
  }

  /** Removes everything the slot put on the machine and frees it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    watchdog.destroy();
    run(List.of("bash", dir.resolve("teardown.sh").toString()));
  }

  /** Tears down a slot whose cluster was kept by an earlier JVM ({@code ./dpf down}). */
  public static void tearDownKept(Path clusterDir) {
    Path root = Path.of(ROOT);
    if (!Files.isDirectory(root)) {
      return;
    }
    try (var slots = Files.list(root)) {
      for (Path dir : slots.filter(Files::isDirectory).toList()) {
        Path cluster = dir.resolve("cluster");
        if (Files.isRegularFile(cluster) && Path.of(Files.readString(cluster).trim()).equals(clusterDir)) {
          run(List.of("bash", dir.resolve("teardown.sh").toString()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        LOG.warn("{} failed: {}", command, output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    }
  }
}
