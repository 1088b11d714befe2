package io.dpf.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Printing and measuring helpers for the benchmarks: figures go to stdout, prefixed for grep. */
final class Figures {

  private Figures() {}

  static void print(String name, Object value, String unit) {
    System.out.printf("[figure] %-55s %12s %s%n", name, value, unit);
  }

  /** Resident memory of a process, from /proc (Linux), in MiB; -1 if unreadable. */
  static long rssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static long totalRssMiB(List<Long> pids) {
    return pids.stream().mapToLong(Figures::rssMiB).filter(v -> v > 0).sum();
  }

  /** Heap in use after a full collection, in MiB. */
  static long heapAfterGcMiB() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
  }
}
