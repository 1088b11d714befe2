package io.dpf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One control-plane process, its output in a log file. It runs under a small shell watchdog that
 * ends it when this JVM is gone, so even a JVM killed with SIGKILL leaves no orphan behind.
 */
final class ManagedProcess {

  // $1 = the JVM's pid, $2 = a file whose presence means "keep running without the JVM"; the rest is
  // the command. TERM from destroy() is passed on to the child. When the JVM is gone the child gets
  // TERM, then KILL after 5 s: nobody is left to wait for a clean exit. It runs in a session of its
  // own (setsid), so a Ctrl-C in the user's terminal reaches only the JVM, which decides.
  private static final String WATCHDOG = String.join("\n",
      "parent=$1; keep=$2; shift 2",
      "\"$@\" & child=$!",
      "trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT HUP",
      "while kill -0 \"$parent\" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done",
      "[ -e \"$keep\" ] && exit 0",
      "kill -TERM $child 2>/dev/null",
      "for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $child 2>/dev/null || exit 0; sleep 0.5; done",
      "kill -KILL $child 2>/dev/null");

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ManagedProcess start(String name, Path logDir, Path keepFile, List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("setsid", "bash", "-c", WATCHDOG, "watchdog",
        String.valueOf(ProcessHandle.current().pid()), keepFile.toString()));
    wrapped.addAll(command);
    Path log = logDir.resolve(name + ".log");
    try {
      Process process = new ProcessBuilder(wrapped)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      return new ManagedProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Every pid of this process tree, for tests that check nothing is left behind. */
  List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(process.pid());
    process.descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  /** The last lines of the log, to put in an error message when the process fails. */
  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  void stop() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
