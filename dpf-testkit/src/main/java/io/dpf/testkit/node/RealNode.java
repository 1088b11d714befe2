package io.dpf.testkit.node;

import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.runtime.tls.KeyAndCertificate;
import io.dpf.runtime.tls.Pem;
import io.dpf.testkit.Kubeconfigs;
import io.dpf.testkit.ManagedProcess;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kubernetes node beside the KWOK nodes of a local cluster: containerd, kubelet and
 * kube-proxy in the slot's network namespace and cgroup (REAL-NODE.md, layout B). Pods that
 * tolerate its taint run as real containers from images loaded with {@link #loadImage}; nothing is
 * ever pulled. Closing it stops the processes; the slot's teardown removes the rest.
 */
public final class RealNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RealNode.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  /** The service range the local control plane serves ClusterIPs from. */
  public static final String SERVICE_CIDR = "10.0.0.0/24";

  private final NodeOptions options;
  private final SlotNames names;
  private final Path dir;
  private final Containerd containerd;
  private final List<ManagedProcess> processes;

  private RealNode(NodeOptions options, SlotNames names, Path dir, Containerd containerd,
      List<ManagedProcess> processes) {
    this.options = options;
    this.names = names;
    this.dir = dir;
    this.containerd = containerd;
    this.processes = processes;
  }

  /**
   * Starts the node for the cluster whose API server listens at {@code server} (the slot's anchor
   * address) and waits until it is Ready. {@code clusterDir} holds the node's directory.
   */
  public static RealNode start(NodeSlot slot, Path clusterDir, Path keepFile, CertificateAuthority ca,
      String server, KubernetesClient admin, NodeOptions options) {
    String unavailable = RealNodeSupport.unavailableReason();
    if (unavailable != null) {
      throw new IllegalStateException("cannot start a real node: " + unavailable);
    }
    Instant started = Instant.now();
    SlotNames n = slot.names();
    Path dir = clusterDir.resolve("node");
    Path bin = RealNodeSupport.binaries();
    List<ManagedProcess> processes = new ArrayList<>();
    try {
      Files.createDirectories(dir.resolve("pki"));
      writeCredentials(dir, ca, server, n, options.name());
      NodeNetwork.createNodeNamespace(n);
      NodeCgroups.create(n);
      List<String> inNetns = List.of("nsenter", "--net=" + NodeNetwork.netnsPath(n));
      Containerd containerd = Containerd.start(dir.resolve("containerd"), bin, keepFile,
          concat(NodeCgroups.joining(n, NodeCgroups.RUNTIME), inNetns), RealNodeSupport.RUNC,
          RealNodeSupport.CNI_PLUGINS);
      processes.add(containerd.process());
      containerd.importImage(SandboxImage.tar(bin));
      Map<String, String> values = values(dir, n, options, containerd);
      Files.writeString(containerd.cniConfigDir().resolve("10-dpf-pods.conflist"), fill("cni.conflist", values));
      Files.writeString(dir.resolve("kubelet-config.yaml"), fill("kubelet-config.yaml", values));
      Files.writeString(dir.resolve("kube-proxy-config.yaml"), fill("kube-proxy-config.yaml", values));
      Files.writeString(dir.resolve("resolv.conf"), "");
      List<String> system = concat(NodeCgroups.joining(n, NodeCgroups.SYSTEM), inNetns);
      processes.add(ManagedProcess.start("kubelet", dir, keepFile, concat(system, List.of(
          bin.resolve("kubelet").toString(), "--config=" + dir.resolve("kubelet-config.yaml"),
          "--kubeconfig=" + dir.resolve("kubelet.conf"), "--root-dir=" + dir.resolve("kubelet"),
          "--cert-dir=" + dir.resolve("kubelet/pki"), "--hostname-override=" + options.name(),
          "--node-ip=" + n.nodeAddress(), "--node-labels=" + labels(options, true), "--v=1"))));
      processes.add(ManagedProcess.start("kube-proxy", dir, keepFile, concat(system, List.of(
          bin.resolve("kube-proxy").toString(), "--config=" + dir.resolve("kube-proxy-config.yaml"), "--v=1"))));
      RealNode node = new RealNode(options, n, dir, containerd, processes);
      node.awaitReady(admin);
      labelAsAdmin(admin, options);
      LOG.info("real node {} Ready in {} ms (address {}, pods {})", options.name(),
          Duration.between(started, Instant.now()).toMillis(), n.nodeAddress(), n.podCidr());
      return node;
    } catch (IOException e) {
      processes.forEach(ManagedProcess::stop);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      processes.forEach(ManagedProcess::stop);
      throw e;
    }
  }

  public String name() {
    return options.name();
  }

  /** The machine-wide names and addresses of the node (namespace, pod range, cgroup). */
  public SlotNames names() {
    return names;
  }

  /** Makes an image (OCI layout or {@code docker save} tar) available to Pods on this node. */
  public void loadImage(Path tar) {
    containerd.importImage(tar);
  }

  /**
   * Sends {@code signal} to the container a Pod status names ({@code containerd://<id>}): SIGKILL is
   * a crash the kubelet did not ask for, SIGTERM what it sends on a graceful stop.
   */
  public void signalContainer(String containerStatusId, String signal) {
    containerd.signal(containerId(containerStatusId), signal);
  }

  /** The host pid of that container's main process (its RSS is in {@code /proc/<pid>/status}). */
  public long containerPid(String containerStatusId) {
    return containerd.pid(containerId(containerStatusId));
  }

  /** VmRSS of host process {@code pid} (e.g. a {@link #containerPid}), in KiB. */
  public static long residentKib(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
          .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
          .findFirst().orElseThrow(() -> new IllegalStateException("no VmRSS for process " + pid));
    } catch (IOException e) {
      throw new UncheckedIOException("process " + pid + " is gone", e);
    }
  }

  private static String containerId(String containerStatusId) {
    return containerStatusId.substring(containerStatusId.indexOf("://") + 3);
  }

  public List<String> images() {
    return containerd.images();
  }

  /** The node's files and logs (containerd.log, kubelet.log, kube-proxy.log). */
  public Path directory() {
    return dir;
  }

  /** Every pid of the node's own processes (not its pods), for tests that check none outlive it. */
  public List<Long> pids() {
    return processes.stream().flatMap(p -> p.pids().stream()).toList();
  }

  @Override
  public void close() {
    // kubelet first, so it starts no new containers while the runtime goes away.
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop();
    }
  }

  private void awaitReady(KubernetesClient admin) {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      for (ManagedProcess p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(p.name() + " of real node " + options.name() + " exited; last log lines:\n"
              + p.tail(30));
        }
      }
      Node node = admin.nodes().withName(options.name()).get();
      if (node != null && node.getStatus() != null && node.getStatus().getConditions() != null
          && node.getStatus().getConditions().stream().anyMatch(RealNode::ready)) {
        return;
      }
      sleep();
    }
    throw new IllegalStateException("real node " + options.name() + " not Ready within " + READY_TIMEOUT
        + "; logs in " + dir);
  }

  private static boolean ready(NodeCondition c) {
    return "Ready".equals(c.getType()) && "True".equals(c.getStatus());
  }

  private static void writeCredentials(Path dir, CertificateAuthority ca, String server, SlotNames n, String nodeName)
      throws IOException {
    Path pki = dir.resolve("pki");
    Files.writeString(pki.resolve("ca.crt"), ca.certificatePem());
    // The API server verifies the kubelet's serving certificate (logs, exec, port-forward).
    ca.issueServer(nodeName, List.of(nodeName), List.of(n.nodeAddress()))
        .writeTo(pki.resolve("kubelet-serving.crt"), pki.resolve("kubelet-serving.key"));
    KeyAndCertificate kubelet = ca.issueClient("system:node:" + nodeName, "system:nodes");
    Files.writeString(dir.resolve("kubelet.conf"),
        Kubeconfigs.forCertificate("local", "kubelet", server, ca.certificatePem(), kubelet));
    KeyAndCertificate proxy = ca.issueClient("system:kube-proxy");
    Files.writeString(dir.resolve("kube-proxy.conf"),
        Kubeconfigs.forCertificate("local", "kube-proxy", server, ca.certificatePem(), proxy));
    Pem.restrictToOwner(dir.resolve("kubelet.conf"));
    Pem.restrictToOwner(dir.resolve("kube-proxy.conf"));
  }

  private static Map<String, String> values(Path dir, SlotNames n, NodeOptions options, Containerd containerd) {
    String taints = options.taints().isEmpty() ? "[]" : options.taints().stream()
        .map(t -> "{key: \"" + t.getKey() + "\", value: \"" + t.getValue() + "\", effect: " + t.getEffect() + "}")
        .collect(Collectors.joining(", ", "[", "]"));
    return Map.ofEntries(
        Map.entry("dir", dir.toString()),
        Map.entry("nodeName", options.name()),
        Map.entry("nodeAddress", n.nodeAddress()),
        Map.entry("cgroupRoot", n.cgroupRoot()),
        Map.entry("containerdSocket", containerd.socket().toString()),
        Map.entry("podCidr", n.podCidr()),
        Map.entry("podGateway", n.podGateway()),
        Map.entry("cniBridge", n.cniBridge()),
        Map.entry("serviceCidr", SERVICE_CIDR),
        Map.entry("anchorRange", SlotNames.anchorRange()),
        Map.entry("taints", taints));
  }

  /** The labels a kubelet may set on its own node (or, with {@code own=false}, those it may not). */
  private static String labels(NodeOptions options, boolean own) {
    return options.labels().entrySet().stream().filter(e -> kubeletMaySet(e.getKey()) == own)
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  /**
   * NodeRestriction keeps labels in the kubernetes.io and k8s.io namespaces (node-role.* among them)
   * from kubelets, bar a few; as kubeadm does for control-plane nodes, the admin sets those.
   */
  private static void labelAsAdmin(KubernetesClient admin, NodeOptions options) {
    Map<String, String> restricted = options.labels().entrySet().stream()
        .filter(e -> !kubeletMaySet(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    if (!restricted.isEmpty()) {
      admin.nodes().withName(options.name()).edit(node -> {
        node.getMetadata().getLabels().putAll(restricted);
        return node;
      });
    }
  }

  private static boolean kubeletMaySet(String key) {
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? "" : key.substring(0, slash);
    boolean restrictedNamespace = prefix.equals("kubernetes.io") || prefix.endsWith(".kubernetes.io")
        || prefix.equals("k8s.io") || prefix.endsWith(".k8s.io");
    return !restrictedNamespace || prefix.equals("kubelet.kubernetes.io") || prefix.equals("node.kubernetes.io")
        || prefix.endsWith(".kubelet.kubernetes.io") || prefix.endsWith(".node.kubernetes.io");
  }

  static String fill(String resource, Map<String, String> values) {
    try (InputStream in = RealNode.class.getResourceAsStream(resource)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> e : values.entrySet()) {
        text = text.replace("${" + e.getKey() + "}", e.getValue());
      }
      if (text.contains("${")) {
        throw new IllegalStateException(resource + " has an unfilled placeholder: "
            + text.substring(text.indexOf("${"), text.indexOf('}', text.indexOf("${")) + 1));
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
