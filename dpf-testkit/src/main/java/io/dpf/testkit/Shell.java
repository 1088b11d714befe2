package io.dpf.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a short command to its end, for fixtures that set up OS-level things (namespaces, links, OVS). */
public final class Shell {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What a command printed and how it ended. */
  public record Outcome(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  private Shell() {}

  /** Runs the command; fails with its output unless it exits 0. Returns stdout. */
  public static String run(List<String> command) {
    return run(command, Map.of());
  }

  public static String run(List<String> command, Map<String, String> environment) {
    Outcome outcome = attempt(command, environment);
    if (!outcome.succeeded()) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + outcome.exitCode()
          + ": " + outcome.stderr().strip() + " " + outcome.stdout().strip());
    }
    return outcome.stdout();
  }

  /** Runs the command and reports how it ended, whatever the exit code. */
  public static Outcome attempt(List<String> command, Map<String, String> environment) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not end within " + TIMEOUT);
      }
      return new Outcome(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    }
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
