package io.dpf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One control-plane process, its output in a log file. It runs under a small shell watchdog that
 * ends it when this JVM is gone, so even a JVM killed with SIGKILL leaves no orphan behind.
 */
public final class ManagedProcess {

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

  public static ManagedProcess start(String name, Path logDir, Path keepFile, List<String> command) {
    return start(name, logDir, keepFile, command, null, null);
  }

  /**
   * As {@link #start(String, Path, Path, List)}, in {@code workingDir} (null: this JVM's) and with
   * exactly {@code environment} (null: this JVM's environment).
   */
  public static ManagedProcess start(String name, Path logDir, Path keepFile, List<String> command, Path workingDir,
      Map<String, String> environment) {
    List<String> wrapped = new ArrayList<>(List.of("setsid", "bash", "-c", WATCHDOG, "watchdog",
        String.valueOf(ProcessHandle.current().pid()), keepFile.toString()));
    wrapped.addAll(command);
    Path log = logDir.resolve(name + ".log");
    try {
      ProcessBuilder builder = new ProcessBuilder(wrapped).redirectErrorStream(true).redirectOutput(log.toFile());
      if (workingDir != null) {
        builder.directory(workingDir.toFile());
      }
      if (environment != null) {
        builder.environment().clear();
        builder.environment().putAll(environment);
      }
      return new ManagedProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Every pid of this process tree, for tests that check nothing is left behind. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(process.pid());
    // Not the watchdog's own one-second sleeps: they come and go while the process runs.
    process.descendants().filter(p -> !p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
        .forEach(p -> pids.add(p.pid()));
    return pids;
  }

  /** The last lines of the log, to put in an error message when the process fails. */
  public String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public void stop() {
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
