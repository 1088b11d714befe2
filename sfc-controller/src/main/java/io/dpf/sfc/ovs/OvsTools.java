package io.dpf.sfc.ovs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code ovs-vsctl} and {@code ovs-ofctl} against this node's daemons. Each ovs-vsctl call is one
 * OVSDB transaction and waits until ovs-vswitchd has applied it; both tools give up after the
 * settings' timeout, so a stopped daemon makes a reconcile fail rather than hang.
 */
public final class OvsTools {

  private static final Logger LOG = LoggerFactory.getLogger(OvsTools.class);

  private final OvsSettings settings;

  public OvsTools(OvsSettings settings) {
    this.settings = settings;
  }

  public OvsSettings settings() {
    return settings;
  }

  public String vsctl(List<String> args) {
    List<String> command = new ArrayList<>(tool("ovs-vsctl"));
    command.addAll(List.of("--db=" + settings.database(), "--timeout=" + settings.timeout().toSeconds()));
    command.addAll(args);
    return run(command, null);
  }

  /** ovs-ofctl with {@code stdin} fed to it (a flow file given as {@code -}), or none. */
  public String ofctl(List<String> args, String stdin) {
    List<String> command = new ArrayList<>(tool("ovs-ofctl"));
    command.add("--timeout=" + settings.timeout().toSeconds());
    command.addAll(args);
    return run(command, stdin);
  }

  private List<String> tool(String name) {
    String path = settings.binDirectory().resolve(name).toString();
    return settings.hostRoot() == null ? List.of(path) : List.of("chroot", settings.hostRoot().toString(), path);
  }

  private String run(List<String> command, String stdin) {
    LOG.debug("{}", String.join(" ", command));
    ProcessBuilder builder = new ProcessBuilder(command);
    // The tools find <bridge>.mgmt and their own control sockets through these.
    builder.environment().put("OVS_RUNDIR", settings.runDirectory().toString());
    builder.environment().put("OVS_DBDIR", settings.runDirectory().toString());
    try {
      Process process = builder.start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      try (OutputStream in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(settings.timeout().toSeconds() + 10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new OvsException(describe(command) + " did not end");
      }
      if (process.exitValue() != 0) {
        throw new OvsException(describe(command) + " failed: " + essence(err.join()));
      }
      return out.join();
    } catch (IOException e) {
      throw new OvsException("cannot run " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OvsException(describe(command) + " interrupted");
    }
  }

  /** The tool and its subcommand, e.g. "ovs-vsctl add-port": enough for a reader, no noise. */
  private static String describe(List<String> command) {
    int at = command.get(0).equals("chroot") ? 2 : 0;
    String tool = command.get(at).substring(command.get(at).lastIndexOf('/') + 1);
    String verb = command.stream().skip(at + 1).filter(arg -> !arg.startsWith("-")).findFirst().orElse("");
    return tool + (verb.isEmpty() ? "" : " " + verb);
  }

  /** The tools' error lines without their name prefix and the log-directory hint that follows every error. */
  static String essence(String stderr) {
    return stderr.lines().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.contains("The default log directory is"))
        .map(line -> line.replaceFirst("^ovs-(vsctl|ofctl): ", ""))
        .collect(Collectors.joining("; "));
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
