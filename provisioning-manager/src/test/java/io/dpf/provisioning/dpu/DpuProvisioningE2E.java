package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.KindReasons;
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
import io.dpf.testkit.OwnedObjects;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both install paths end to end on a real control plane (KWOK nodes): BFBs served by a local HTTP
 * server, DPUSets over hosts whose BMCs (BlueField BMC SIMULATORS) install over Redfish and over
 * hosts with rshim devices (SIMULATED DPUs behind named pipes) installed by host agent pods, whose
 * containers a kubelet stand-in runs as the chart's service account. The manager runs as the
 * chart's service account too, so missing RBAC fails the test. It is killed mid-download and
 * mid-push and resumes; a new BFB rolls out with maxUnavailable 1; deleting leaves nothing behind.
 * A DPU "boots" when this test registers a KWOK node named after it in the DPU cluster (the host
 * cluster itself) once it reached DPU Cluster Config, as a joining DPU would.
 *
 * <p>The control plane, the manager, the kubelet stand-in, one BFB and the flavor are shared; each
 * test makes its own hosts (with their BMCs or rshim devices), sets, DPUs and further BFBs and
 * removes them, so the tests run in any order, or alone.
 */
class DpuProvisioningE2E {

  static final String NS = "dpf-operator-system";
  static final String BFB = "doca-2.9";
  static final String FLAVOR = "dpf-provisioning-hbn-ovn";
  static final long BFB_SIZE = 8L * 1024 * 1024;
  static final Duration WAIT = Duration.ofSeconds(180);
  static final String MANAGER_SA = "dpf-provisioning-controller-manager";
  static final String PCI = "0000-4b-00";

  static LocalControlPlane cluster;
  static KubernetesClient client;
  static BfbFileServer bfbServer;
  static CertificateAuthority bmcCa;
  static int bmcPort;
  /** Each BMC simulator listens on an address of its own on the shared port (a DPUSet has one bmcPort). */
  static final AtomicInteger nextBmcAddress = new AtomicInteger(2);
  static final Map<String, Path> devByNode = new ConcurrentHashMap<>();
  /** The BFB volume; JUnit removes it after the class. */
  @TempDir
  static Path bfbDir;
  static ProvisioningSettings settings;
  static HostAgentSettings hostAgent;
  static ManagerFixture manager;
  static AgentKubelet kubelet;
  static KubernetesClient agentClient;
  static DpuObserver dpus;
  static Watch dpuWatch;
  static Thread dpuBoots;

  OwnedObjects owned;
  /** Closed after the owned objects are gone, last added first. */
  final Deque<AutoCloseable> closeAfter = new ArrayDeque<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalControlPlane.start("dpu-e2e");
    client = cluster.client();
    ManagerFixture.prepare(cluster, NS);
    installChartRbac();
    bfbServer = BfbFileServer.serving(BFB_SIZE);
    bmcCa = CertificateAuthority.create("bmc-ca");
    bmcPort = freePort();
    ProvisioningWorld.bmcCredentials(client, NS, "bmc-credentials", BlueFieldBmcSimulator.USER, "bmc-password",
        bmcCa.certificatePem());
    ProvisioningWorld.dpuClusterOnItself(cluster, NS);
    ProvisioningWorld.flavor(client, NS, FLAVOR);
    ProvisioningWorld.bfb(client, NS, BFB, bfbServer.url("bf-bundle-2.9.bfb"));
    settings = ManagerFixture.fastSettings(bfbDir).withImageServer(freePort(), null);
    hostAgent = new HostAgentSettings("ghcr.io/dpf-java/provisioning-manager:e2e", NS,
        HostAgentSettings.DEFAULT_SERVICE_ACCOUNT, List.of());
    agentClient = new KubernetesClientBuilder().withConfig(serviceAccount(HostAgentSettings.DEFAULT_SERVICE_ACCOUNT)).build();
    kubelet = new AgentKubelet(client, agentClient, NS, devByNode);
    dpus = new DpuObserver(client, NS, WAIT);
    dpuWatch = client.resources(DPU.class).inNamespace(NS).watch(dpus);
    dpuBoots = joinBootedDpus();
    manager = startManager();
  }

  @AfterAll
  static void stop() {
    if (dpuBoots != null) {
      dpuBoots.interrupt();
    }
    if (dpuWatch != null) {
      dpuWatch.close();
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
    if (bfbServer != null) {
      bfbServer.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void ownObjects() {
    owned = new OwnedObjects(client, WAIT);
  }

  @AfterEach
  void removeOwnObjects() throws Exception {
    owned.close();
    for (AutoCloseable closeable : closeAfter) {
      closeable.close();
    }
  }

  @Test
  void theManagerKilledMidDownloadResumesWithRange() {
    bfbServer.limitBandwidth(2L * 1024 * 1024);
    closeAfter.push(() -> bfbServer.limitBandwidth(Long.MAX_VALUE));
    ProvisioningWorld.bfb(client, NS, "doca-resumed", bfbServer.url("bf-bundle-resumed.bfb"));
    owned.own(client.resources(BFB.class).inNamespace(NS).withName("doca-resumed").get());

    await().atMost(WAIT).until(() -> bfbMessage("doca-resumed").matches("(?s).*[1-9][0-9]* of [0-9]+ bytes.*"));
    manager.kill();
    bfbServer.limitBandwidth(Long.MAX_VALUE);
    manager = startManager();

    await().atMost(WAIT).until(() -> bfbPhase("doca-resumed") == BFBPhase.READY);
    assertThat(bfbServer.requests()).filteredOn(r -> r.path().endsWith("bf-bundle-resumed.bfb"))
        .anySatisfy(r -> assertThat(r.range()).as("a resumed request").startsWith("bytes="));
  }

  @Test
  void everyDpuWalksThePhasesToReadyOnBothInstallPathsWhileTheManagerIsKilledMidPush() throws Exception {
    Map<String, BlueFieldBmcSimulator> bmcs = redfishHosts("rf-walk", 2);
    Map<String, SimulatedRshimDpu> rshims = agentHosts("ag-walk", 2);
    dpuSet("rf-walk", InstallInterface.REDFISH);
    for (String host : bmcs.keySet()) {
      dpus.awaitPhase(host + "-" + PCI, DPUPhase.READY);
    }
    // Then the rshim hosts, and the manager stopped while their agents stream into rshim: each
    // agent holds boot open and fetches the rest with Range once the image endpoint is back.
    dpuSet("ag-walk", InstallInterface.HOST_AGENT);
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
        .until(() -> rshims.values().stream().anyMatch(d -> d.receiving() > 0));
    manager.kill();
    manager = startManager();

    for (String host : rshims.keySet()) {
      dpus.awaitPhase(host + "-" + PCI, DPUPhase.READY);
    }
    String cfg = "-" + PCI + ".cfg";
    String image = NS + "-" + BFB + ".bfb";
    for (var entry : bmcs.entrySet()) {
      assertThat(entry.getValue().pushedImages()).as("one pull per BMC")
          .containsExactly(sha256(image, entry.getKey() + cfg));
      assertThat(entry.getValue().resets()).containsExactly("GracefulRestart");
    }
    for (var entry : rshims.entrySet()) {
      String host = entry.getKey();
      assertThat(entry.getValue().images()).as("one push per rshim device, byte for byte")
          .containsExactly(sha256(image, host + cfg));
      DPU dpu = dpus.dpu(host + "-" + PCI);
      assertThat(dpu.getStatus().getInstallInterface()).isEqualTo(InstallInterface.HOST_AGENT);
      assertThat(dpu.getStatus().getHostAgent().getState()).isEqualTo(HostAgentState.SUCCEEDED);
      assertThat(dpu.getStatus().getHostAgent().getPushes()).isEqualTo(1);
    }
    assertThat(kubelet.startedPods()).filteredOn(pod -> rshims.containsKey(pod.getSpec().getNodeName()))
        .as("one agent container per rshim install").hasSize(rshims.size());
    await().atMost(WAIT).until(() -> agentPodsOn(rshims.keySet()).isEmpty());
    await().atMost(WAIT).untilAsserted(() -> {
      DPUSet set = client.resources(DPUSet.class).inNamespace(NS).withName("ag-walk").get();
      assertThat(set.getStatus()).isNotNull();
      assertThat(set.getStatus().getDpuStatistics()).containsEntry("Ready", 2);
    });
  }

  @Test
  void aNewBfbRollsOutNeverWithTwoDpusOfASetUnavailable() throws Exception {
    // Owned before the sets: it is removed after them, once no DPU uses it.
    ProvisioningWorld.bfb(client, NS, "doca-3.0", bfbServer.url("bf-bundle-3.0.bfb"));
    owned.own(client.resources(BFB.class).inNamespace(NS).withName("doca-3.0").get());
    Map<String, BlueFieldBmcSimulator> bmcs = redfishHosts("rf-roll", 2);
    Map<String, SimulatedRshimDpu> rshims = agentHosts("ag-roll", 2);
    dpuSet("rf-roll", InstallInterface.REDFISH);
    dpuSet("ag-roll", InstallInterface.HOST_AGENT);
    List<String> names = new ArrayList<>();
    bmcs.keySet().forEach(host -> names.add(host + "-" + PCI));
    rshims.keySet().forEach(host -> names.add(host + "-" + PCI));
    for (String name : names) {
      dpus.awaitPhase(name, DPUPhase.READY);
    }
    await().atMost(WAIT).until(() -> bfbPhase("doca-3.0") == BFBPhase.READY);
    UnavailableDpus unavailable = new UnavailableDpus(Map.of("rf-roll", List.copyOf(bmcs.keySet()),
        "ag-roll", List.copyOf(rshims.keySet())));
    closeAfter.push(unavailable);

    for (String set : List.of("rf-roll", "ag-roll")) {
      client.resources(DPUSet.class).inNamespace(NS).withName(set).edit(live -> {
        live.getSpec().getDpuTemplate().getSpec().getBfb().setName("doca-3.0");
        return live;
      });
    }

    await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      for (String name : names) {
        DPU dpu = dpus.dpu(name);
        // Asserted, not dereferenced: an exception inside an await ends it at once.
        assertThat(dpu).as(name).isNotNull();
        assertThat(dpu.getSpec().getBfb()).as(name).isEqualTo("doca-3.0");
        assertThat(dpu.getStatus()).as(name + " has a status").isNotNull();
        assertThat(dpu.getStatus().getPhase()).as(name).isEqualTo(DPUPhase.READY);
      }
    });
    assertThat(unavailable.maxPerSet()).as("most DPUs of one set unavailable at once, seen by a watch")
        .containsEntry("rf-roll", 1).containsEntry("ag-roll", 1);
    bmcs.values().forEach(bmc -> assertThat(bmc.pushedImages()).hasSize(2));
    rshims.values().forEach(dpu -> assertThat(dpu.images()).hasSize(2));
  }

  @Test
  void noRshimDeviceForTheDpuIsAnErrorThatClearsWhenTheDeviceAppears() throws Exception {
    String host = agentHost("ag-nodev");
    String name = agentDpu(host, "0000-5a-00");
    awaitInstallFailure(name, "no rshim device under", "reports PCI address 0000-5a-00");

    SimulatedRshimDpu late = rshim(host, "rshim1", "0000:5a:00.2");
    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(late.images()).hasSize(1);
  }

  @Test
  void aBusyRshimDeviceIsAnErrorThatClearsWhenTheDeviceIsFree() throws Exception {
    String host = agentHost("ag-busy");
    SimulatedRshimDpu busy = rshim(host, "rshim2", "0000:6b:00.2");
    busy.occupy();
    String name = agentDpu(host, "0000-6b-00");
    awaitInstallFailure(name, "rshim busy", "Text file busy");

    busy.release();
    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(busy.images()).hasSize(1);
  }

  @Test
  void anInstallerFailureInTheLogIsAnErrorAndTheRetryPushesAgain() throws Exception {
    String host = agentHost("ag-emmc");
    SimulatedRshimDpu failing = rshim(host, "rshim3", "0000:7c:00.2");
    failing.failNextInstall("ERROR[MISC]: CRITICAL ERROR: eMMC write failed");
    String name = agentDpu(host, "0000-7c-00");
    awaitInstallFailure(name, "CRITICAL ERROR: eMMC write failed");

    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(failing.images()).as("the failed install and the retry").hasSize(2);
    assertThat(dpus.dpu(name).getMetadata().getAnnotations()).as("retry record cleared once Ready")
        .doesNotContainKey(RetryRecord.ANNOTATION);
    // Not only by the time this test reads it: the record goes before Ready is written.
    assertThat(dpus.readyWithRetryRecord()).as("DPUs a watch saw Ready with the retry record still on")
        .doesNotContain(name);
  }

  @Test
  void anAgentPullsFromAnHttpsImageEndpointTrustingOnlyItsCertificate() throws Exception {
    manager.kill();
    manager = ManagerFixture.start(serviceAccount(MANAGER_SA),
        settings.withImageTls(ProvisioningSettings.ImageTls.generated()), hostAgent, new WriteCounter());
    // The other tests' manager serves plain HTTP: it is back when this one ends, however it ends.
    closeAfter.push(() -> {
      manager.kill();
      manager = startManager();
    });
    String host = agentHost("ag-https");
    SimulatedRshimDpu device = rshim(host, "rshim4", "0000:8d:00.2");
    String name = agentDpu(host, "0000-8d-00");

    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(device.images()).containsExactly(sha256(NS + "-" + BFB + ".bfb", name + ".cfg"));
    assertThat(kubelet.startedPods()).anySatisfy(pod -> {
      assertThat(pod.getMetadata().getName()).contains("0000-8d-00");
      assertThat(pod.getSpec().getContainers().get(0).getArgs()).anyMatch(arg -> arg.startsWith("--image-url=https://"));
    });
  }

  @Test
  void deletingTheSetsAndBfbsLeavesNothingBehind() throws Exception {
    ProvisioningWorld.bfb(client, NS, "doca-deleted", bfbServer.url("bf-bundle-deleted.bfb"));
    owned.own(client.resources(BFB.class).inNamespace(NS).withName("doca-deleted").get());
    Map<String, BlueFieldBmcSimulator> bmcs = redfishHosts("rf-del", 1);
    Map<String, SimulatedRshimDpu> rshims = agentHosts("ag-del", 1);
    List<String> hosts = new ArrayList<>(bmcs.keySet());
    hosts.addAll(rshims.keySet());
    for (var set : Map.of("rf-del", InstallInterface.REDFISH, "ag-del", InstallInterface.HOST_AGENT).entrySet()) {
      dpuSet(set.getKey(), set.getValue(), "doca-deleted");
    }
    for (String host : hosts) {
      dpus.awaitPhase(host + "-" + PCI, DPUPhase.READY);
    }
    List<String> files = new ArrayList<>(List.of(NS + "-doca-deleted.bfb"));
    hosts.forEach(host -> files.add(host + "-" + PCI + ".cfg"));
    assertThat(bfbDir.resolve(files.get(0))).exists();

    client.resources(DPUSet.class).inNamespace(NS).withName("rf-del").delete();
    client.resources(DPUSet.class).inNamespace(NS).withName("ag-del").delete();
    await().atMost(WAIT).until(() -> hosts.stream().allMatch(host -> dpus.dpu(host + "-" + PCI) == null)
        && client.resources(DPUSet.class).inNamespace(NS).withName("rf-del").get() == null
        && client.resources(DPUSet.class).inNamespace(NS).withName("ag-del").get() == null);
    client.resources(BFB.class).inNamespace(NS).withName("doca-deleted").delete();
    await().atMost(WAIT).until(() -> client.resources(BFB.class).inNamespace(NS).withName("doca-deleted").get() == null);

    assertThat(agentPodsOn(hosts)).isEmpty();
    assertThat(hosts).as("no DPU left in the DPU cluster")
        .allSatisfy(host -> assertThat(client.nodes().withName(host + "-" + PCI).get()).isNull());
    assertThat(files).as("BFB volume").allSatisfy(file -> assertThat(bfbDir.resolve(file)).doesNotExist());
  }

  // --- each test's own hosts ---------------------------------------------------------------

  /** Host nodes {@code <set>-1..count}, each with a BMC of its own that installs over Redfish. */
  Map<String, BlueFieldBmcSimulator> redfishHosts(String set, int count) throws Exception {
    Map<String, BlueFieldBmcSimulator> hosts = new TreeMap<>();
    for (int i : IntStream.rangeClosed(1, count).toArray()) {
      BlueFieldBmcSimulator bmc = BlueFieldBmcSimulator.start(bmcCa, "bmc-password",
          "127.0.0." + nextBmcAddress.getAndIncrement(), bmcPort);
      closeAfter.push(bmc);
      String host = set + "-" + i;
      cluster.addNode(host, hostLabels(set, Map.of(LabelKeys.dpuBmcIpFeature(0), bmc.ip())));
      ownHost(host);
      hosts.put(host, bmc);
    }
    return hosts;
  }

  /** Host nodes {@code <set>-1..count}, each with an rshim device for the DPU at {@link #PCI}. */
  Map<String, SimulatedRshimDpu> agentHosts(String set, int count) throws Exception {
    Map<String, SimulatedRshimDpu> hosts = new TreeMap<>();
    for (int i : IntStream.rangeClosed(1, count).toArray()) {
      String host = set + "-" + i;
      agentHost(host, set);
      // 4 MiB/s: a push takes a few seconds, long enough to stop the manager in the middle of one.
      SimulatedRshimDpu device = SimulatedRshimDpu.create(devByNode.get(host), "rshim0", "0000:4b:00.2",
          4L * 1024 * 1024);
      closeAfter.push(device);
      hosts.put(host, device);
    }
    return hosts;
  }

  /** A host node with a /dev of its own and no rshim device yet, for a DPU installed by a host agent. */
  String agentHost(String host) throws Exception {
    return agentHost(host, host);
  }

  private String agentHost(String host, String set) throws Exception {
    Path dev = Files.createTempDirectory("dev-" + host);
    devByNode.put(host, dev);
    closeAfter.push(() -> devByNode.remove(host));
    cluster.addNode(host, hostLabels(set, Map.of()));
    ownHost(host);
    return host;
  }

  /** An rshim device on the host, for the DPU at this PCI address. */
  SimulatedRshimDpu rshim(String host, String device, String pciAddress) throws Exception {
    SimulatedRshimDpu dpu = SimulatedRshimDpu.create(devByNode.get(host), device, pciAddress, 16L * 1024 * 1024);
    closeAfter.push(dpu);
    return dpu;
  }

  /** The host node, and the node its DPU joins the DPU cluster as (removed after the DPU). */
  void ownHost(String host) {
    owned.ownNode(host);
    owned.ownNode(host + "-" + PCI);
  }

  /** A DPU of its own on the host, installed by a host agent, for the fault cases. */
  String agentDpu(String host, String pci) {
    DPU dpu = ProvisioningWorld.redfishDpu(NS, host, pci, BFB, FLAVOR, 0, null);
    dpu.getSpec().setInstallInterface(InstallInterface.HOST_AGENT);
    dpu.getSpec().setBmcIp(null);
    dpu.getSpec().setBmcPort(null);
    owned.ownNode(dpu.getMetadata().getName());
    owned.create(dpu);
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
        assertThat(condition.getReason()).isEqualTo(KindReasons.DPU.INSTALLATION_FAILED);
        assertThat(condition.getMessage()).contains(messageParts);
      });
    });
  }

  static String sha256(String... files) throws Exception {
    return DpuObserver.sha256Of(bfbDir, files);
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

  /** A set over the hosts labelled {@code e2e.dpf.io/set=<name>}, owned by the test. */
  DPUSet dpuSet(String name, InstallInterface installInterface) {
    return dpuSet(name, installInterface, BFB);
  }

  DPUSet dpuSet(String name, InstallInterface installInterface, String bfb) {
    DPUSet set = DpuSets.set(NS, name, bfb, FLAVOR, DPUSetStrategyType.ROLLING_UPDATE);
    set.getMetadata().setUid(null);
    set.getSpec().setNodeSelector(new LabelSelectorBuilder().addToMatchLabels("e2e.dpf.io/set", name).build());
    var template = set.getSpec().getDpuTemplate().getSpec();
    template.setInstallInterface(installInterface);
    if (installInterface == InstallInterface.REDFISH) {
      template.setBmcCredentialsSecret("bmc-credentials");
      template.setBmcPort(bmcPort);
    }
    return owned.create(set);
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

  static List<String> agentPodsOn(Collection<String> hosts) {
    return client.pods().inNamespace(NS).withLabel("app.kubernetes.io/name", HostAgentPod.APP).list().getItems()
        .stream().filter(p -> hosts.contains(p.getSpec().getNodeName())).map(p -> p.getMetadata().getName()).toList();
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
   * Every DPU event as the API server sent it, from a list of what is there now on: per DPUSet, how
   * many of its hosts' DPUs were unavailable (missing, not Ready, or being deleted) after each one,
   * and the most seen.
   */
  static final class UnavailableDpus implements Watcher<DPU>, AutoCloseable {
    private final Map<String, List<String>> hostsBySet;
    private final Map<String, DPU> dpus = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> max = new ConcurrentHashMap<>();
    private final Watch watch;

    UnavailableDpus(Map<String, List<String>> hostsBySet) {
      this.hostsBySet = hostsBySet;
      var list = client.resources(DPU.class).inNamespace(NS).list();
      list.getItems().forEach(dpu -> dpus.put(dpu.getMetadata().getName(), dpu));
      watch = client.resources(DPU.class).inNamespace(NS).withResourceVersion(list.getMetadata().getResourceVersion())
          .watch(this);
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
      hostsBySet.forEach((set, hosts) -> {
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
      });
    }

    @Override
    public void onClose(WatcherException cause) {
    }

    @Override
    public void close() {
      watch.close();
    }
  }
}
