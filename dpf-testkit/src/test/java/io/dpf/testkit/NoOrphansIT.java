package io.dpf.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A JVM killed with SIGKILL runs no shutdown hook; the watchdogs must still end its cluster. */
class NoOrphansIT {

  @Test
  void killingTheJvmEndsEveryControlPlaneProcess() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Ddpf.root=" + EnvtestBinaries.repositoryRoot(), "-Ddpf.envtest.assets=" + EnvtestBinaries.directory(),
        OrphanProbe.class.getName())
        .redirectErrorStream(true).start();
    List<Long> pids = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("PIDS ")) {
          pids = Arrays.stream(line.substring(5).split(",")).map(Long::valueOf).toList();
          break;
        }
      }
    }
    assertThat(pids).as("the probe printed its cluster's pids").isNotNull().isNotEmpty();
    assertThat(pids).allMatch(NoOrphansIT::alive);

    child.destroyForcibly().waitFor();

    List<Long> started = pids;
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(started).noneMatch(NoOrphansIT::alive));
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
