package io.dpf.testkit.node;

import io.dpf.testkit.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A containerd of the node's own (REAL-NODE.md §5): state, sockets, runc state and CNI
 * configuration all below the node's directory, the pod sandbox image side-loaded (nothing is ever
 * pulled), no CAP_SYS_RESOURCE assumed (oom_score_adj left alone), Debian's runc and CNI plugins.
 */
public final class Containerd {

  /** The sandbox image every pod starts from; loaded from the pause binary the envtest build makes. */
  public static final String SANDBOX_IMAGE = "dpf.local/pause:3.10";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path dir;
  private final Path ctr;
  private final ManagedProcess process;

  private Containerd(Path dir, Path ctr, ManagedProcess process) {
    this.dir = dir;
    this.ctr = ctr;
    this.process = process;
  }

  /** Writes the configuration and starts containerd with {@code prefix} (namespace, cgroup) before it. */
  static Containerd start(Path dir, Path bin, Path keepFile, List<String> prefix, String runc, String cniBin) {
    try {
      Files.createDirectories(dir.resolve("run"));
      Files.createDirectories(dir.resolve("cni/net.d"));
      Path config = dir.resolve("containerd.toml");
      Files.writeString(config, config(dir, bin, runc, cniBin));
      List<String> command = new ArrayList<>(prefix);
      command.addAll(List.of(bin.resolve("containerd").toString(), "--config", config.toString()));
      ManagedProcess process = ManagedProcess.start("containerd", dir, keepFile, command);
      Containerd containerd = new Containerd(dir, bin.resolve("ctr"), process);
      containerd.awaitSocket();
      return containerd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path socket() {
    return dir.resolve("run/containerd.sock");
  }

  /** The directory CNI network configurations are read from. */
  public Path cniConfigDir() {
    return dir.resolve("cni/net.d");
  }

  /** Imports an image tar (OCI layout or {@code docker save}) for Kubernetes' namespace. */
  public void importImage(Path tar) {
    HostCommands.run(ctr.toString(), "--address", socket().toString(), "--namespace", "k8s.io",
        "images", "import", tar.toString());
  }

  /** The image references containerd holds for Kubernetes. */
  public List<String> images() {
    String out = HostCommands.run(ctr.toString(), "--address", socket().toString(), "--namespace", "k8s.io",
        "images", "list", "--quiet");
    return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** Sends {@code signal} (e.g. SIGTERM, SIGKILL) to a container's main process, as the kubelet or the kernel would. */
  public void signal(String containerId, String signal) {
    HostCommands.run(ctr.toString(), "--address", socket().toString(), "--namespace", "k8s.io",
        "tasks", "kill", "--signal", signal, containerId);
  }

  /** The host pid of a running container's main process. */
  public long pid(String containerId) {
    String out = HostCommands.run(ctr.toString(), "--address", socket().toString(), "--namespace", "k8s.io",
        "tasks", "ls");
    return out.lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 2 && f[0].equals(containerId))
        .mapToLong(f -> Long.parseLong(f[1])).findFirst()
        .orElseThrow(() -> new IllegalStateException("no running task " + containerId + " in:\n" + out));
  }

  ManagedProcess process() {
    return process;
  }

  void stop() {
    process.stop();
  }

  private void awaitSocket() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("containerd exited; last log lines:\n" + process.tail(30));
      }
      if (Files.exists(socket())) {
        try {
          HostCommands.run(ctr.toString(), "--address", socket().toString(), "version");
          return;
        } catch (IllegalStateException notYet) {
          // the socket exists before the server answers
        }
      }
      sleep();
    }
    throw new IllegalStateException("containerd did not answer on " + socket() + " within " + START_TIMEOUT
        + "; last log lines:\n" + process.tail(30));
  }

  private static String config(Path dir, Path bin, String runc, String cniBin) {
    // Written as version 3; containerd 2.4 migrates it on load. Every path is the node's own, so two
    // nodes on one machine never share state (shim sockets aside: containerd keeps them in
    // /run/containerd/s, named by a hash of this socket's path).
    return String.join("\n",
        "version = 3",
        "root = \"" + dir.resolve("lib") + "\"",
        "state = \"" + dir.resolve("state") + "\"",
        "imports = []",
        "[grpc]",
        "  address = \"" + dir.resolve("run/containerd.sock") + "\"",
        "[ttrpc]",
        "  address = \"" + dir.resolve("run/containerd.sock.ttrpc") + "\"",
        "[plugins.'io.containerd.cri.v1.images']",
        "  snapshotter = \"overlayfs\"",
        "  [plugins.'io.containerd.cri.v1.images'.pinned_images]",
        "    sandbox = \"" + SANDBOX_IMAGE + "\"",
        "[plugins.'io.containerd.cri.v1.runtime']",
        // No CAP_SYS_RESOURCE on these machines: runc cannot lower oom_score_adj.
        "  restrict_oom_score_adj = true",
        "  netns_mounts_under_state_dir = true",
        "  [plugins.'io.containerd.cri.v1.runtime'.containerd]",
        "    default_runtime_name = \"runc\"",
        "    [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]",
        "      runtime_type = \"io.containerd.runc.v2\"",
        "      runtime_path = \"" + bin.resolve("containerd-shim-runc-v2") + "\"",
        "      sandboxer = \"podsandbox\"",
        "      [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]",
        "        BinaryName = \"" + runc + "\"",
        "        Root = \"" + dir.resolve("run/runc") + "\"",
        "        SystemdCgroup = false",
        "  [plugins.'io.containerd.cri.v1.runtime'.cni]",
        "    bin_dirs = [\"" + cniBin + "\"]",
        "    conf_dir = \"" + dir.resolve("cni/net.d") + "\"",
        "[plugins.'io.containerd.nri.v1.nri']",
        "  disable = true",
        "[plugins.'io.containerd.internal.v1.opt']",
        "  path = \"" + dir.resolve("opt") + "\"",
        "");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
