package io.dpf.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux network namespaces for fixtures. Every name is {@code dpf<jvm pid>x<n>...}: unique among
 * the JVMs running tests at once, and telling which JVM owns it, so that namespaces of a JVM that
 * was killed are removed by the next fixture (see {@link #removeThoseOfDeadJvms()}).
 */
public final class NetworkNamespaces {

  private static final Pattern OURS = Pattern.compile("dpf(\\d+)x\\d+.*");
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private NetworkNamespaces() {}

  /** A fresh name prefix for one fixture; its namespaces are this prefix plus a suffix. */
  static String newPrefix() {
    return "dpf" + ProcessHandle.current().pid() + "x" + COUNTER.incrementAndGet();
  }

  static void create(String name) {
    Shell.run(List.of("ip", "netns", "add", name));
    Shell.run(exec(name, "ip", "link", "set", "lo", "up"));
  }

  static void delete(String name) {
    Shell.attempt(List.of("ip", "netns", "del", name), Map.of());
  }

  /** {@code ip netns exec <namespace> <command...>}. */
  public static List<String> exec(String namespace, String... command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(Arrays.asList(command));
    return full;
  }

  /** A shell line that deletes every namespace starting with {@code prefix} (run by a reaper after the JVM dies). */
  static String deleteAllCommand(String prefix) {
    return "for ns in $(ip netns list | awk '{print $1}' | grep '^" + prefix + "'); do ip netns del \"$ns\"; done";
  }

  static void removeThoseOfDeadJvms() {
    for (String line : Shell.run(List.of("ip", "netns", "list")).split("\n")) {
      String name = line.strip().split("\\s+")[0];
      Matcher ours = OURS.matcher(name);
      if (ours.matches() && ProcessHandle.of(Long.parseLong(ours.group(1))).map(p -> !p.isAlive()).orElse(true)) {
        delete(name);
      }
    }
  }
}
