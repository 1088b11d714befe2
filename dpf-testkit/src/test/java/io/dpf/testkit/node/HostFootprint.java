package io.dpf.testkit.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What one cluster's real node has put on the machine, listed by kind: processes, network
 * namespace, host veth and anchor device, host routes and iptables rules naming its addresses,
 * mounts below its directory, cgroups. Tests take it while the node runs (so the listing is known
 * to see things) and after teardown (where it must be empty).
 */
record HostFootprint(List<String> processes, List<String> netns, List<String> links, List<String> routes,
    List<String> iptables, List<String> mounts, List<String> cgroups) {

  static HostFootprint of(SlotNames n, Path clusterDir) {
    String dir = clusterDir.toString() + "/";
    return new HostFootprint(
        processesNaming(dir),
        lines(List.of("ip", "netns", "list")).stream().filter(l -> l.split(" ")[0].equals(n.netns())).toList(),
        lines(List.of("ip", "-o", "link", "show")).stream()
            .filter(l -> l.contains(" " + n.hostVeth() + "@") || l.contains(" " + n.hostVeth() + ":")
                || l.contains(" " + n.anchorDevice() + ":")).toList(),
        lines(List.of("ip", "route", "show", "table", "all")).stream()
            .filter(l -> l.contains(n.podCidr()) || l.contains(" dev " + n.hostVeth() + " ")
                || l.contains(" dev " + n.anchorDevice() + " ")).toList(),
        lines(List.of("iptables-save")).stream()
            .filter(l -> l.contains(n.podCidr()) || l.contains(n.nodeAddress() + "/") || l.contains(n.hostVeth()))
            .toList(),
        fileLines(Path.of("/proc/self/mounts")).stream().filter(l -> l.split(" ")[1].startsWith(dir)).toList(),
        cgroups(n.cgroupRoot()));
  }

  boolean isEmpty() {
    return all().isEmpty();
  }

  List<String> all() {
    List<String> all = new ArrayList<>();
    processes.forEach(p -> all.add("process: " + p));
    netns.forEach(p -> all.add("netns: " + p));
    links.forEach(p -> all.add("link: " + p));
    routes.forEach(p -> all.add("route: " + p));
    iptables.forEach(p -> all.add("iptables: " + p));
    mounts.forEach(p -> all.add("mount: " + p));
    cgroups.forEach(p -> all.add("cgroup: " + p));
    return all;
  }

  private static List<String> processesNaming(String dir) {
    List<String> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
          if (cmdline.contains(dir) && Long.parseLong(p.getFileName().toString()) != self) {
            found.add(p.getFileName() + " " + cmdline.strip());
          }
        } catch (IOException gone) {
          // the process ended while we looked
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private static List<String> cgroups(String root) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
      for (Path h : hierarchies.toList()) {
        Path cg = Path.of(h + root);
        if (Files.isDirectory(cg)) {
          found.add(cg.toString());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private static List<String> fileLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> lines(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + out);
      }
      return out.lines().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
