package io.dpf.testkit.node;

import java.nio.file.Path;

/**
 * The one script that removes what a {@link NodeSlot} put on the machine, idempotent, for
 * {@code close()}, for the watchdog of a JVM that died, and for {@code ./dpf down}. Order matters:
 * processes first (nothing may hold a mount or a namespace), then mounts, network, cgroups.
 */
final class TeardownScript {

  private TeardownScript() {}

  static String render(SlotNames n, Path clusterDir, Path slotDir) {
    String cg = n.cgroupRoot();
    return String.join("\n",
        "#!/usr/bin/env bash",
        "# Removes everything node slot " + n.index() + " put on this machine (cluster " + clusterDir + ").",
        "set -u",
        "cluster_dir='" + clusterDir + "'",
        "cgroup='" + cg + "'",
        "procs() { find /sys/fs/cgroup/*\"$cgroup\" -name cgroup.procs -exec cat {} + 2>/dev/null | sort -u; }",
        "# 1. Processes: everything in the slot's cgroups (containerd, shims, containers, kubelet,",
        "#    kube-proxy), then anything else that names the cluster's directory on its command line.",
        "for round in 1 2 3 4 5; do",
        "  pids=$(procs)",
        "  others=$(pgrep -f -- \"$cluster_dir/\" | grep -vx \"$$\" || true)",
        "  [ -z \"$pids$others\" ] && break",
        "  kill -KILL $pids $others 2>/dev/null",
        "  sleep 0.3",
        "done",
        "# 2. Mounts below the cluster's directory (pod volumes, container rootfs, sandbox netns), deepest first.",
        "awk -v d=\"$cluster_dir/\" 'index($2, d) == 1 {print $2}' /proc/self/mounts | sort -r | while read -r m; do",
        "  umount -l \"$m\" 2>/dev/null",
        "done",
        "# 3. Network: the namespace takes its veth end, bridges, pod veths, iptables rules and routes with it.",
        "ip netns del '" + n.netns() + "' 2>/dev/null",
        "ip link del '" + n.hostVeth() + "' 2>/dev/null",
        "ip route del '" + n.podCidr() + "' 2>/dev/null",
        "ip link del '" + n.anchorDevice() + "' 2>/dev/null",
        "# 4. cgroups, depth first, in every hierarchy.",
        "for h in /sys/fs/cgroup/*; do",
        "  [ -d \"$h$cgroup\" ] && find \"$h$cgroup\" -depth -type d -exec rmdir {} \\; 2>/dev/null",
        "done",
        "# 5. Shim sockets containerd keeps in /run/containerd/s: remove those nobody listens on any more.",
        "# Other nodes' shims listen inside their own network namespaces, which ss sees only from there.",
        "if [ -d /run/containerd/s ]; then",
        "  listening=$( { ss -xlH 2>/dev/null; for ns in $(ip netns list 2>/dev/null | awk '{print $1}'); do",
        "    ip netns exec \"$ns\" ss -xlH 2>/dev/null; done; } | awk '{print $5}')",
        "  for s in /run/containerd/s/*; do",
        "    [ -S \"$s\" ] && ! grep -qxF \"$s\" <<<\"$listening\" && rm -f \"$s\"",
        "  done",
        "fi",
        "rm -rf '" + slotDir + "'",
        "exit 0",
        "");
  }
}
