package io.dpf.testkit.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The node's cgroup {@code /dpf-node-<k>} in every cgroup v1 hierarchy (kubelet refuses a cgroupRoot
 * missing from any of them), with {@code runtime} and {@code system} below it for containerd and
 * for kubelet and kube-proxy, so that the slot's teardown finds every process of the node, shims
 * and containers included, by its cgroup.
 */
final class NodeCgroups {

  private static final Path ROOT = Path.of("/sys/fs/cgroup");
  static final String RUNTIME = "runtime";
  static final String SYSTEM = "system";

  private NodeCgroups() {}

  /** Null when this host can hold them, else why not. */
  static String unsupportedReason() {
    if (!Files.isDirectory(ROOT.resolve("memory")) || !Files.isDirectory(ROOT.resolve("pids"))) {
      return "the real node needs cgroup v1 hierarchies under /sys/fs/cgroup (memory, pids, ...);"
          + " a cgroup v2-only host is not supported yet";
    }
    return null;
  }

  static void create(SlotNames n) {
    for (Path hierarchy : hierarchies()) {
      Path root = hierarchy.resolve(n.cgroupRoot().substring(1));
      try {
        Files.createDirectories(root);
        if (hierarchy.getFileName().toString().equals("cpuset")) {
          // A new cpuset cgroup starts with no CPUs and no memory nodes: give it its parent's.
          copy(hierarchy, root, "cpuset.cpus");
          copy(hierarchy, root, "cpuset.mems");
        }
        for (String child : List.of(RUNTIME, SYSTEM)) {
          Path dir = Files.createDirectories(root.resolve(child));
          if (hierarchy.getFileName().toString().equals("cpuset")) {
            copy(root, dir, "cpuset.cpus");
            copy(root, dir, "cpuset.mems");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create cgroup " + root, e);
      }
    }
  }

  /** A shell prefix that moves the process into the node's {@code child} cgroups, then runs the command. */
  static List<String> joining(SlotNames n, String child) {
    String script = "for d in /sys/fs/cgroup/*" + n.cgroupRoot() + "/" + child + "; do "
        + "echo $$ > \"$d/cgroup.procs\" || exit 1; done; exec \"$@\"";
    return List.of("bash", "-c", script, "join-cgroup");
  }

  private static List<Path> hierarchies() {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      // Every mounted hierarchy has a cgroup.procs at its root; the unified one is left to the v1 ones.
      return dirs.filter(d -> Files.isRegularFile(d.resolve("cgroup.procs")))
          .filter(d -> !d.getFileName().toString().equals("unified"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to, String file) throws IOException {
    Files.writeString(to.resolve(file), Files.readString(from.resolve(file)).trim());
  }
}
