package io.dpf.e2e.bench;

import io.dpf.testkit.LocalControlPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How long a local cluster takes to start and stop, and what it weighs in memory. */
class ControlPlaneBenchmark {

  @Test
  void startStopAndMemoryOfLocalClusters() {
    List<LocalControlPlane> clusters = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        long started = System.nanoTime();
        LocalControlPlane cluster = LocalControlPlane.start("bench-" + i);
        Figures.print("cluster " + i + " start (etcd, apiserver, kcm, scheduler, kwok)",
            (System.nanoTime() - started) / 1_000_000, "ms");
        clusters.add(cluster);
      }
      LocalControlPlane first = clusters.get(0);
      long started = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        first.addNode("node-" + i, Map.of("node-role.kubernetes.io/worker", ""));
      }
      Figures.print("50 KWOK nodes created", (System.nanoTime() - started) / 1_000_000, "ms");
      for (LocalControlPlane cluster : clusters) {
        Figures.print("resident memory of cluster " + cluster.name() + " (all processes)",
            Figures.totalRssMiB(cluster.pids()), "MiB");
      }
    } finally {
      for (LocalControlPlane cluster : clusters) {
        long started = System.nanoTime();
        cluster.close();
        Figures.print("cluster " + cluster.name() + " stop", (System.nanoTime() - started) / 1_000_000, "ms");
      }
    }
  }
}
