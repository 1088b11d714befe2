package io.dpf.testkit.node;

import io.dpf.testkit.EnvtestBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether this machine can run a real node, and where its binaries are. Tests that need one skip
 * with {@link #unavailableReason()} as their message; everything else runs anyway.
 */
public final class RealNodeSupport {

  static final String RUNC = "/usr/sbin/runc";
  static final String CNI_PLUGINS = "/usr/lib/cni";
  static final List<String> BINARIES =
      List.of("kubelet", "kube-proxy", "containerd", "ctr", "containerd-shim-runc-v2", "pause");
  // CAP_NET_ADMIN (12) for the namespace and veths, CAP_SYS_ADMIN (21) for mounts and nsenter.
  private static final long NEEDED_CAPABILITIES = (1L << 12) | (1L << 21);

  private static volatile Path binaries;

  private RealNodeSupport() {}

  /** Null when a real node can start here, else the exact reason it cannot. */
  public static String unavailableReason() {
    if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
      return "a real node needs Linux (this is " + System.getProperty("os.name") + ")";
    }
    if (!"0".equals(uid())) {
      return "a real node needs root (network namespaces, cgroups, mounts); this JVM runs as uid " + uid();
    }
    long effective = effectiveCapabilities();
    if ((effective & NEEDED_CAPABILITIES) != NEEDED_CAPABILITIES) {
      return "a real node needs CAP_NET_ADMIN and CAP_SYS_ADMIN; CapEff is " + Long.toHexString(effective);
    }
    if (!Files.isExecutable(Path.of(RUNC))) {
      return RUNC + " is missing (Debian package runc; hack/install-packages.sh installs it)";
    }
    if (!Files.isExecutable(Path.of(CNI_PLUGINS, "bridge")) || !Files.isExecutable(Path.of(CNI_PLUGINS, "host-local"))) {
      return "the CNI plugins in " + CNI_PLUGINS + " are missing (Debian package containernetworking-plugins;"
          + " hack/install-packages.sh installs it)";
    }
    String cgroups = NodeCgroups.unsupportedReason();
    if (cgroups != null) {
      return cgroups;
    }
    for (String tool : List.of("/usr/bin/nsenter", "/usr/sbin/ip", "/usr/sbin/iptables")) {
      if (!Files.isExecutable(Path.of(tool)) && !Files.isExecutable(Path.of(tool.replace("/usr", "")))) {
        return tool + " is missing (util-linux, iproute2, iptables; hack/install-packages.sh installs them)";
      }
    }
    return null;
  }

  /** The node binaries (pause too, for images a test writes), built by {@code hack/envtest/install.sh node}. */
  public static synchronized Path binaries() {
    if (binaries == null) {
      Path dir = EnvtestBinaries.component("node");
      for (String b : BINARIES) {
        if (!Files.isExecutable(dir.resolve(b))) {
          throw new IllegalStateException(dir + " lacks " + b + " (hack/envtest/install.sh node builds it)");
        }
      }
      binaries = dir;
    }
    return binaries;
  }

  private static String uid() {
    try {
      return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "unknown";
    }
  }

  private static long effectiveCapabilities() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("CapEff:"))
          .map(l -> Long.parseUnsignedLong(l.substring("CapEff:".length()).trim(), 16))
          .findFirst().orElse(0L);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
