package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.BFBPhase;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategyType;
import io.dpf.api.provisioning.v1alpha1.HostAgentState;
import io.dpf.api.provisioning.v1alpha1.InstallInterface;
import io.dpf.provisioning.ManagerFixture;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.agent.AgentKubelet;
import io.dpf.provisioning.bfb.BfbFileServer;
import io.dpf.provisioning.dpu.install.HostAgentPod;
import io.dpf.provisioning.dpu.install.HostAgentSettings;
import io.dpf.provisioning.dpuset.DpuSets;
import io.dpf.provisioning.redfish.BlueFieldBmcSimulator;
import io.dpf.provisioning.rshim.SimulatedRshimDpu;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.testkit.Helm;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Both install paths end to end on a real control plane (KWOK nodes): a BFB served by a local HTTP
 * server, one DPUSet over two hosts whose BMCs (two BlueField BMC SIMULATORS) install over Redfish,
 * one over two hosts with rshim devices (SIMULATED DPUs behind named pipes) installed by host agent
 * pods, whose containers a kubelet stand-in runs as the chart's service account. The manager runs as
 * the chart's service account too, so missing RBAC fails the test. It is killed mid-download and
 * mid-push and resumes; a new BFB rolls out with maxUnavailable 1; deleting leaves nothing behind.
 * A DPU "boots" when this test registers a KWOK node named after it in the DPU cluster (the host
 * cluster itself) once it reached DPU Cluster Config, as a joining DPU would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DpuProvisioningE2E {

  static final String NS = "dpf-operator-system";
  static final long BFB_SIZE = 8L * 1024 * 1024;
  static final Duration WAIT = Duration.ofSeconds(180);
  static final String MANAGER_SA = "dpf-provisioning-controller-manager";
  static final List<String> REDFISH_HOSTS = List.of("rf-host-1", "rf-host-2");
  static final List<String> AGENT_HOSTS = List.of("ag-host-1", "ag-host-2");
  static final String PCI = "0000-4b-00";

  static LocalControlPlane cluster;
  static KubernetesClient client;
  static BfbFileServer bfbServer;
  static final List<BlueFieldBmcSimulator> bmcs = new java.util.ArrayList<>();
  static final Map<String, SimulatedRshimDpu> rshimDpus = new LinkedHashMap<>();
  static final List<SimulatedRshimDpu> faultDevices = new java.util.concurrent.CopyOnWriteArrayList<>();
  static final Map<String, Path> devByNode = new HashMap<>();
  static Path bfbDir;
  static ProvisioningSettings settings;
  static HostAgentSettings hostAgent;
  static ManagerFixture manager;
  static AgentKubelet kubelet;
  static KubernetesClient agentClient;
  static DpuObserver dpus;
  static Thread dpuBoots;
  static UnavailableDpus unavailable;
  static Watch unavailableWatch;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalControlPlane.start("dpu-e2e");
    client = cluster.client();
    ManagerFixture.prepare(cluster, NS);
    installChartRbac();
    bfbDir = Files.createTempDirectory("bfb-volume");
    bfbServer = BfbFileServer.serving(BFB_SIZE);
    CertificateAuthority bmcCa = CertificateAuthority.create("bmc-ca");
    int bmcPort = freePort();
    for (int i = 0; i < REDFISH_HOSTS.size(); i++) {
      bmcs.add(BlueFieldBmcSimulator.start(bmcCa, "bmc-password", "127.0.0." + (2 + i), bmcPort));
    }
    ProvisioningWorld.bmcCredentials(client, NS, "bmc-credentials", BlueFieldBmcSimulator.USER, "bmc-password",
        bmcCa.certificatePem());
    ProvisioningWorld.dpuClusterOnItself(cluster, NS);
    ProvisioningWorld.flavor(client, NS, "dpf-provisioning-hbn-ovn");
    for (int i = 0; i < REDFISH_HOSTS.size(); i++) {
      cluster.addNode(REDFISH_HOSTS.get(i), hostLabels("redfish", Map.of(LabelKeys.dpuBmcIpFeature(0), bmcs.get(i).ip())));
    }
    for (String host : AGENT_HOSTS) {
      cluster.addNode(host, hostLabels("agent", Map.of()));
      Path dev = Files.createTempDirectory("dev-" + host);
      devByNode.put(host, dev);
      // 4 MiB/s: a push takes a few seconds, long enough to stop the manager in the middle of one.
      rshimDpus.put(host, SimulatedRshimDpu.create(dev, "rshim0", "0000:4b:00.2", 4L * 1024 * 1024));
    }
    settings = ManagerFixture.fastSettings(bfbDir).withImageServer(freePort(), null);
    hostAgent = new HostAgentSettings("ghcr.io/dpf-java/provisioning-manager:e2e", NS,
        HostAgentSettings.DEFAULT_SERVICE_ACCOUNT, List.of());
    agentClient = new KubernetesClientBuilder().withConfig(serviceAccount(HostAgentSettings.DEFAULT_SERVICE_ACCOUNT)).build();
    kubelet = new AgentKubelet(client, agentClient, NS, devByNode);
    dpus = new DpuObserver(client, NS, WAIT);
    unavailable = new UnavailableDpus();
    unavailableWatch = client.resources(DPU.class).inNamespace(NS).watch(unavailable);
    dpuBoots = joinBootedDpus();
    manager = startManager();
  }

  @AfterAll
  static void stop() {
    if (dpuBoots != null) {
      dpuBoots.interrupt();
    }
    if (unavailableWatch != null) {
      unavailableWatch.close();
    }
    if (manager != null) {
      manager.kill();
    }
    if (kubelet != null) {
      kubelet.close();
    }
    if (agentClient != null) {
      agentClient.close();
    }
    rshimDpus.values().forEach(SimulatedRshimDpu::close);
    faultDevices.forEach(SimulatedRshimDpu::close);
    bmcs.forEach(BlueFieldBmcSimulator::close);
    if (bfbServer != null) {
      bfbServer.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void theManagerKilledMidDownloadResumesWithRange() {
    bfbServer.limitBandwidth(2L * 1024 * 1024);
    ProvisioningWorld.bfb(client, NS, "doca-2.9", bfbServer.url("bf-bundle-2.9.bfb"));
    client.resource(dpuSet("redfish-hosts", "redfish", InstallInterface.REDFISH)).create();

    await().atMost(WAIT).until(() -> bfbMessage("doca-2.9").matches("(?s).*[1-9][0-9]* of [0-9]+ bytes.*"));
    manager.kill();
    bfbServer.limitBandwidth(Long.MAX_VALUE);
    manager = startManager();

    await().atMost(WAIT).until(() -> bfbPhase("doca-2.9") == BFBPhase.READY);
    assertThat(bfbServer.requests()).anySatisfy(r -> assertThat(r.range()).as("a resumed request").startsWith("bytes="));
  }

  @Test
  @Order(2)
  void everyDpuWalksThePhasesToReadyOnBothInstallPathsWhileTheManagerIsKilledMidPush() throws Exception {
    for (String host : REDFISH_HOSTS) {
      dpus.awaitPhase(host + "-" + PCI, DPUPhase.READY);
    }
    // Then the rshim hosts, and the manager stopped while their agents stream into rshim: each
    // agent holds boot open and fetches the rest with Range once the image endpoint is back.
    client.resource(dpuSet("agent-hosts", "agent", InstallInterface.HOST_AGENT)).create();
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
        .until(() -> rshimDpus.values().stream().anyMatch(d -> d.receiving() > 0));
    manager.kill();
    Thread.sleep(1500);
    manager = startManager();

    for (String host : AGENT_HOSTS) {
      dpus.awaitPhase(host + "-" + PCI, DPUPhase.READY);
    }
    String cfg = "-" + PCI + ".cfg";
    for (int i = 0; i < REDFISH_HOSTS.size(); i++) {
      assertThat(bmcs.get(i).pushedImages()).as("one pull per BMC").containsExactly(
          DpuObserver.sha256Of(bfbDir, "dpf-operator-system-doca-2.9.bfb", REDFISH_HOSTS.get(i) + cfg));
      assertThat(bmcs.get(i).resets()).containsExactly("GracefulRestart");
    }
    for (String host : AGENT_HOSTS) {
      assertThat(rshimDpus.get(host).images()).as("one push per rshim device, byte for byte")
          .containsExactly(DpuObserver.sha256Of(bfbDir, "dpf-operator-system-doca-2.9.bfb", host + cfg));
      DPU dpu = dpus.dpu(host + "-" + PCI);
      assertThat(dpu.getStatus().getInstallInterface()).isEqualTo(InstallInterface.HOST_AGENT);
      assertThat(dpu.getStatus().getHostAgent().getState()).isEqualTo(HostAgentState.SUCCEEDED);
      assertThat(dpu.getStatus().getHostAgent().getPushes()).isEqualTo(1);
    }
    assertThat(kubelet.started()).as("one agent container per rshim install").hasSize(AGENT_HOSTS.size());
    await().atMost(WAIT).until(() -> agentPods().isEmpty());
    await().atMost(WAIT).untilAsserted(() -> {
      DPUSet set = client.resources(DPUSet.class).inNamespace(NS).withName("agent-hosts").get();
      assertThat(set.getStatus()).isNotNull();
      assertThat(set.getStatus().getDpuStatistics()).containsEntry("Ready", 2);
    });
  }

  @Test
  @Order(3)
  void aNewBfbRollsOutNeverWithTwoDpusOfASetUnavailable() {
    ProvisioningWorld.bfb(client, NS, "doca-3.0", bfbServer.url("bf-bundle-3.0.bfb"));
    await().atMost(WAIT).until(() -> bfbPhase("doca-3.0") == BFBPhase.READY);
    unavailable.reset();

    for (String set : List.of("redfish-hosts", "agent-hosts")) {
      client.resources(DPUSet.class).inNamespace(NS).withName(set).edit(live -> {
        live.getSpec().getDpuTemplate().getSpec().getBfb().setName("doca-3.0");
        return live;
      });
    }

    await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      List<DPU> all = client.resources(DPU.class).inNamespace(NS).list().getItems();
      assertThat(all).hasSize(4).allSatisfy(dpu -> {
        assertThat(dpu.getSpec().getBfb()).isEqualTo("doca-3.0");
        // Asserted, not dereferenced: an exception inside an await ends it at once.
        assertThat(dpu.getStatus()).as(dpu.getMetadata().getName() + " has a status").isNotNull();
        assertThat(dpu.getStatus().getPhase()).isEqualTo(DPUPhase.READY);
      });
    });
    assertThat(unavailable.maxPerSet()).as("most DPUs of one set unavailable at once, seen by a watch")
        .containsEntry("redfish-hosts", 1).containsEntry("agent-hosts", 1);
    for (int i = 0; i < REDFISH_HOSTS.size(); i++) {
      assertThat(bmcs.get(i).pushedImages()).hasSize(2);
    }
    rshimDpus.values().forEach(dpu -> assertThat(dpu.images()).hasSize(2));
  }

  @Test
  @Order(4)
  void noRshimDeviceForTheDpuIsAnErrorThatClearsWhenTheDeviceAppears() throws Exception {
    String name = agentDpu("0000-5a-00");
    awaitInstallFailure(name, "no rshim device under", "reports PCI address 0000-5a-00");

    SimulatedRshimDpu late = SimulatedRshimDpu.create(dev("ag-host-1"), "rshim1", "0000:5a:00.2", 16L * 1024 * 1024);
    faultDevices.add(late);
    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(late.images()).hasSize(1);
  }

  @Test
  @Order(5)
  void aBusyRshimDeviceIsAnErrorThatClearsWhenTheDeviceIsFree() throws Exception {
    SimulatedRshimDpu busy = SimulatedRshimDpu.create(dev("ag-host-1"), "rshim2", "0000:6b:00.2", 16L * 1024 * 1024);
    faultDevices.add(busy);
    busy.occupy();
    String name = agentDpu("0000-6b-00");
    awaitInstallFailure(name, "rshim busy", "Text file busy");

    busy.release();
    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(busy.images()).hasSize(1);
  }

  @Test
  @Order(6)
  void anInstallerFailureInTheLogIsAnErrorAndTheRetryPushesAgain() throws Exception {
    SimulatedRshimDpu failing = SimulatedRshimDpu.create(dev("ag-host-1"), "rshim3", "0000:7c:00.2", 16L * 1024 * 1024);
    faultDevices.add(failing);
    failing.failNextInstall("ERROR[MISC]: CRITICAL ERROR: eMMC write failed");
    String name = agentDpu("0000-7c-00");
    awaitInstallFailure(name, "CRITICAL ERROR: eMMC write failed");

    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(failing.images()).as("the failed install and the retry").hasSize(2);
    assertThat(dpus.dpu(name).getMetadata().getAnnotations()).as("retry record cleared once Ready")
        .doesNotContainKey(RetryRecord.ANNOTATION);
  }

  @Test
  @Order(7)
  void anAgentPullsFromAnHttpsImageEndpointTrustingOnlyItsCertificate() throws Exception {
    manager.kill();
    manager = ManagerFixture.start(serviceAccount(MANAGER_SA),
        settings.withImageTls(ProvisioningSettings.ImageTls.generated()), hostAgent, new WriteCounter());
    SimulatedRshimDpu device = SimulatedRshimDpu.create(dev("ag-host-1"), "rshim4", "0000:8d:00.2", 16L * 1024 * 1024);
    faultDevices.add(device);
    String name = agentDpu("0000-8d-00");

    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(device.images()).containsExactly(DpuObserver.sha256Of(bfbDir, "dpf-operator-system-doca-3.0.bfb",
        name + ".cfg"));
    assertThat(kubelet.startedPods()).anySatisfy(pod -> {
      assertThat(pod.getMetadata().getName()).contains("0000-8d-00");
      assertThat(pod.getSpec().getContainers().get(0).getArgs()).anyMatch(arg -> arg.startsWith("--image-url=https://"));
    });
  }

  @Test
  @Order(8)
  void deletingTheSetsAndBfbsLeavesNothingBehind() throws Exception {
    client.resources(DPU.class).inNamespace(NS).withLabel("test", "dpu-it").delete();
    client.resources(DPUSet.class).inNamespace(NS).delete();
    await().atMost(WAIT).until(() -> client.resources(DPU.class).inNamespace(NS).list().getItems().isEmpty()
        && client.resources(DPUSet.class).inNamespace(NS).list().getItems().isEmpty());
    client.resources(BFB.class).inNamespace(NS).delete();
    await().atMost(WAIT).until(() -> client.resources(BFB.class).inNamespace(NS).list().getItems().isEmpty());

    assertThat(agentPods()).isEmpty();
    assertThat(client.nodes().list().getItems()).as("no DPU left in the DPU cluster")
        .noneMatch(node -> node.getMetadata().getName().matches(".*-0000-[0-9a-f]{2}-00"));
    try (var files = Files.list(bfbDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).as("BFB volume").isEmpty();
    }
  }

  // --- the world around the manager --------------------------------------------------------

  /** A DPU of its own on ag-host-1, installed by a host agent, for the fault cases. */
  static String agentDpu(String pci) {
    DPU dpu = ProvisioningWorld.redfishDpu(NS, "ag-host-1", pci, "doca-3.0", "dpf-provisioning-hbn-ovn", 0, null);
    dpu.getSpec().setInstallInterface(InstallInterface.HOST_AGENT);
    dpu.getSpec().setBmcIp(null);
    dpu.getSpec().setBmcPort(null);
    client.resource(dpu).create();
    return dpu.getMetadata().getName();
  }

  /** The DPU goes to Error, OSInstalled saying why (a person reading the condition must see the cause). */
  static void awaitInstallFailure(String name, String... messageParts) {
    await().atMost(WAIT).untilAsserted(() -> {
      DPU live = dpus.dpu(name);
      assertThat(live).isNotNull();
      assertThat(RetryRecord.of(live)).as("a failed attempt is recorded").isPresent();
      assertThat(dpus.condition(name, ConditionTypes.DPU.OS_INSTALLED)).hasValueSatisfying(condition -> {
        assertThat(condition.getStatus()).isEqualTo("False");
        assertThat(condition.getReason()).isEqualTo(io.dpf.api.conditions.KindReasons.DPU.INSTALLATION_FAILED);
        assertThat(condition.getMessage()).contains(messageParts);
      });
    });
  }

  static Path dev(String host) {
    return devByNode.get(host);
  }

  static ManagerFixture startManager() {
    return ManagerFixture.start(serviceAccount(MANAGER_SA), settings, hostAgent, new WriteCounter());
  }

  /** The chart's RBAC (rendered with the helm CLI): the manager and the agents get exactly what it grants. */
  static void installChartRbac() {
    Path chart = Path.of(System.getProperty("dpf.root", ".."), "charts", "provisioning-controller");
    String manifests = Helm.template(chart, "provisioning-controller", NS, "");
    List<HasMetadata> rbac = client.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
        .items().stream().filter(o -> !List.of("Deployment", "Service").contains(o.getKind())).toList();
    rbac.forEach(object -> client.resource(object).inNamespace(NS).serverSideApply());
  }

  static Config serviceAccount(String name) {
    Config config = Config.fromKubeconfig(cluster.kubeconfigYaml());
    config.setImpersonateUsername("system:serviceaccount:" + NS + ":" + name);
    config.setImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + NS, "system:authenticated");
    return config;
  }

  static Map<String, String> hostLabels(String set, Map<String, String> more) {
    Map<String, String> labels = new HashMap<>(DpuSets.hostNode("x", "10.0.0.1", PCI).getMetadata().getLabels());
    labels.put("e2e.dpf.io/set", set);
    labels.putAll(more);
    return labels;
  }

  static DPUSet dpuSet(String name, String hosts, InstallInterface installInterface) {
    DPUSet set = DpuSets.set(NS, name, "doca-2.9", "dpf-provisioning-hbn-ovn", DPUSetStrategyType.ROLLING_UPDATE);
    set.getMetadata().setUid(null);
    set.getSpec().setNodeSelector(new LabelSelectorBuilder().addToMatchLabels("e2e.dpf.io/set", hosts).build());
    var template = set.getSpec().getDpuTemplate().getSpec();
    template.setInstallInterface(installInterface);
    if (installInterface == InstallInterface.REDFISH) {
      template.setBmcCredentialsSecret("bmc-credentials");
      template.setBmcPort(bmcs.get(0).port());
    }
    return set;
  }

  /** A booted DPU joins its DPU cluster: its node appears once the DPU reached DPU Cluster Config. */
  static Thread joinBootedDpus() {
    Thread thread = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          for (DPU dpu : client.resources(DPU.class).inNamespace(NS).list().getItems()) {
            String name = dpu.getMetadata().getName();
            if (dpu.getStatus() != null && dpu.getStatus().getPhase() == DPUPhase.DPU_CLUSTER_CONFIG
                && client.nodes().withName(name).get() == null) {
              cluster.addNode(name, Map.of());
            }
          }
          Thread.sleep(300);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          System.err.println("DPU boot stand-in: " + e);
        }
      }
    }, "dpu-boots");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  static List<String> agentPods() {
    return client.pods().inNamespace(NS).withLabel("app.kubernetes.io/name", HostAgentPod.APP).list().getItems()
        .stream().map(p -> p.getMetadata().getName()).toList();
  }

  static BFBPhase bfbPhase(String name) {
    BFB bfb = client.resources(BFB.class).inNamespace(NS).withName(name).get();
    return bfb == null || bfb.getStatus() == null ? null : bfb.getStatus().getPhase();
  }

  static String bfbMessage(String name) {
    BFB bfb = client.resources(BFB.class).inNamespace(NS).withName(name).get();
    return bfb == null || bfb.getStatus() == null || bfb.getStatus().getMessage() == null ? ""
        : bfb.getStatus().getMessage();
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Every DPU event as the API server sent it: per DPUSet, how many of its DPUs were unavailable
   * (missing, not Ready, or being deleted) after each one, and the most seen.
   */
  static final class UnavailableDpus implements Watcher<DPU> {
    private final Map<String, DPU> dpus = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> max = new ConcurrentHashMap<>();

    void reset() {
      max.clear();
    }

    Map<String, Integer> maxPerSet() {
      Map<String, Integer> result = new HashMap<>();
      max.forEach((set, value) -> result.put(set, value.get()));
      return result;
    }

    @Override
    public synchronized void eventReceived(Action action, DPU dpu) {
      String key = dpu.getMetadata().getName();
      if (action == Action.DELETED) {
        dpus.remove(key);
      } else {
        dpus.put(key, dpu);
      }
      for (String set : List.of("redfish-hosts", "agent-hosts")) {
        List<String> hosts = set.startsWith("redfish") ? REDFISH_HOSTS : AGENT_HOSTS;
        int count = 0;
        for (String host : hosts) {
          DPU live = dpus.get(host + "-" + PCI);
          if (live == null || live.getMetadata().getDeletionTimestamp() != null
              || !Conditions.isTrue(live.getStatus(), ConditionTypes.READY)) {
            count++;
          }
        }
        int seen = count;
        max.computeIfAbsent(set, s -> new AtomicInteger()).accumulateAndGet(seen, Math::max);
      }
    }

    @Override
    public void onClose(WatcherException cause) {
    }
  }
}
