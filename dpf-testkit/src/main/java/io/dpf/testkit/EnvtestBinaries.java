package io.dpf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the control-plane binaries. Order: {@code -Ddpf.envtest.assets}, then whatever
 * {@code hack/envtest/install.sh} prints (it honours {@code KUBEBUILDER_ASSETS}, uses the cache, and
 * builds from the pinned Go modules when nothing is there yet).
 */
public final class EnvtestBinaries {

  private static final Logger LOG = LoggerFactory.getLogger(EnvtestBinaries.class);
  static final List<String> REQUIRED =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok", "kwok-stages.yaml");

  private static volatile Path resolved;
  private static final Map<String, Path> COMPONENTS = new ConcurrentHashMap<>();

  private EnvtestBinaries() {}

  /** The directory holding every binary; built on first use in this JVM if needed. */
  public static synchronized Path directory() {
    if (resolved == null) {
      resolved = locate();
      LOG.info("control-plane binaries in {}", resolved);
    }
    return resolved;
  }

  public static Path binary(String name) {
    return directory().resolve(name);
  }

  /**
   * The directory holding an optional component of {@code hack/envtest/install.sh} (e.g. "node"),
   * built on first use; {@code -Ddpf.envtest.<component>} names an existing directory instead.
   */
  public static Path component(String name) {
    return COMPONENTS.computeIfAbsent(name, c -> {
      String explicit = System.getProperty("dpf.envtest." + c);
      Path dir = explicit != null && !explicit.isBlank() ? Paths.get(explicit) : runInstaller(c);
      LOG.info("{} binaries in {}", c, dir);
      return dir;
    });
  }

  private static Path locate() {
    String explicit = System.getProperty("dpf.envtest.assets");
    if (explicit != null && !explicit.isBlank()) {
      return requireComplete(Paths.get(explicit));
    }
    return requireComplete(runInstaller("control-plane"));
  }

  private static Path runInstaller(String component) {
    Path script = repositoryRoot().resolve("hack/envtest/install.sh");
    try {
      Process process = new ProcessBuilder("bash", script.toString(), component)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      int exit = process.waitFor();
      if (exit != 0 || out.isEmpty()) {
        throw new IllegalStateException(script + " failed with exit code " + exit + "; see its output above");
      }
      String[] lines = out.split("\n");
      return Paths.get(lines[lines.length - 1].trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing " + component + " binaries", e);
    }
  }

  /** {@code -Ddpf.root} (set by the build), else the nearest parent folder holding hack/envtest. */
  public static Path repositoryRoot() {
    String root = System.getProperty("dpf.root");
    if (root != null && !root.isBlank()) {
      return Paths.get(root);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("hack/envtest/install.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find hack/envtest/install.sh above " + Paths.get("").toAbsolutePath()
            + "; set -Ddpf.root=<repository> or -Ddpf.envtest.assets=<directory with the binaries>");
  }

  private static Path requireComplete(Path dir) {
    for (String name : REQUIRED) {
      if (!Files.exists(dir.resolve(name))) {
        throw new IllegalStateException(dir + " lacks " + name + " (expected " + REQUIRED + ")");
      }
    }
    return dir;
  }
}
