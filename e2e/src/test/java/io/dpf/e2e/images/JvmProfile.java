package io.dpf.e2e.images;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a container's JVM keeps its memory: {@code jcmd} from this machine's JDK, attached to the
 * container's process by its host pid. HotSpot's attach only answers a caller with the target's own
 * user, so jcmd runs as the process's uid (setpriv); it finds the target's /tmp through
 * /proc/&lt;pid&gt;/root. Native memory needs the target started with -XX:NativeMemoryTracking=summary.
 */
final class JvmProfile {

  /** "-  Java Heap (reserved=131072KB, committed=80960KB)": category and committed KiB. */
  private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

  private JvmProfile() {}

  /** Committed KiB per NMT category (Java Heap, Class, Thread, Code, GC, ...), in jcmd's order. */
  static Map<String, Long> nativeMemory(long pid, Path save) {
    String summary = jcmd(pid, "VM.native_memory", "summary");
    write(save, summary);
    Map<String, Long> committed = new LinkedHashMap<>();
    for (String line : summary.split("\n")) {
      Matcher m = CATEGORY.matcher(line.trim());
      if (m.find()) {
        committed.put(m.group(1), Long.parseLong(m.group(3)));
      }
    }
    if (committed.isEmpty()) {
      throw new IllegalStateException("no native memory summary from pid " + pid + ":\n" + summary);
    }
    return committed;
  }

  /** The heap after a full GC: its biggest classes (jcmd's rows) and the total live bytes. */
  record Histogram(List<String> top, long liveBytes, long instances) {}

  /** The heap's classes by bytes, as jcmd prints them (a full GC first); the first {@code lines} rows. */
  static Histogram heapHistogram(long pid, int lines, Path save) {
    String histogram = jcmd(pid, "GC.class_histogram");
    write(save, histogram);
    List<String> top = new ArrayList<>();
    long bytes = -1;
    long instances = -1;
    for (String line : histogram.split("\n")) {
      String row = line.trim();
      // Rows are "rank: instances bytes class"; the first line ("<pid>:") is not one.
      if (row.matches("^\\d+:\\s+\\d+\\s+\\d+\\s+.*") && top.size() < lines) {
        top.add(row);
      } else if (row.startsWith("Total")) {
        String[] fields = row.split("\\s+");
        instances = Long.parseLong(fields[1]);
        bytes = Long.parseLong(fields[2]);
      }
    }
    return new Histogram(top, bytes, instances);
  }

  private static String jcmd(long pid, String... command) {
    List<String> args = new ArrayList<>(List.of("setpriv", "--reuid=" + owner(pid), "--regid=" + group(pid),
        "--clear-groups", "jcmd", "-J-XX:-UsePerfData", Long.toString(pid)));
    args.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", args) + " failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run jcmd", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String owner(long pid) {
    return statusField(pid, "Uid:");
  }

  private static String group(long pid) {
    return statusField(pid, "Gid:");
  }

  /** The effective id of a /proc/&lt;pid&gt;/status line ("Uid: real effective saved fs"). */
  private static String statusField(long pid, String field) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(l -> l.startsWith(field)).findFirst().orElseThrow().split("\\s+")[2];
    } catch (IOException e) {
      throw new IllegalStateException("process " + pid + " is gone", e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file, e);
    }
  }
}
