package io.dpf.e2e;

import io.dpf.testkit.node.NodeSlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops clusters that {@code --keep} left running: every process whose command line names a kept
 * cluster's directory, then what a real node left on the machine.
 */
final class KeptClusters {

  private KeptClusters() {}

  /** @return how many processes were stopped */
  static int stop(Path stateDir) throws IOException {
    Path list = stateDir.resolve(LocalEnvironment.KEPT_CLUSTERS);
    if (!Files.exists(list)) {
      return 0;
    }
    int stopped = 0;
    for (String dir : Files.readAllLines(list)) {
      if (dir.isBlank()) {
        continue;
      }
      List<ProcessHandle> processes = ProcessHandle.allProcesses()
          .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(dir)).orElse(false))
          .toList();
      processes.forEach(ProcessHandle::destroy);
      for (ProcessHandle process : processes) {
        try {
          process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception notYet) {
          process.destroyForcibly();
        }
      }
      stopped += processes.size();
      // A cluster with a real node or a pod-reachable address also left devices, a network
      // namespace, mounts and cgroups: its slot's teardown removes them before the files go.
      NodeSlot.tearDownKept(Path.of(dir));
      deleteRecursively(Path.of(dir));
    }
    Files.delete(list);
    return stopped;
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
