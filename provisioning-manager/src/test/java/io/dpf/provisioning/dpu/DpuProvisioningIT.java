package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.BFBReference;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategyType;
import io.dpf.api.provisioning.v1alpha1.Drain;
import io.dpf.api.provisioning.v1alpha1.InstallInterface;
import io.dpf.api.provisioning.v1alpha1.NodeEffect;
import io.dpf.api.thirdparty.maintenance.v1alpha1.NodeMaintenance;
import io.dpf.api.thirdparty.maintenance.v1alpha1.NodeMaintenanceStatus;
import io.dpf.provisioning.ManagerFixture;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.bfb.BfbFileServer;
import io.dpf.provisioning.dpu.install.BmcAccess;
import io.dpf.provisioning.dpu.install.ImageTransfer;
import io.dpf.provisioning.dpuset.DpuSets;
import io.dpf.provisioning.redfish.BlueFieldBmcSimulator;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.OwnedObjects;
import io.dpf.testkit.ReconcileCounts;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DPUs walking the phase machine on a real control plane (KWOK nodes), installed through the
 * BlueField BMC SIMULATOR over Redfish. The DPU "boots" when the test registers a KWOK node named
 * after it in the DPU cluster (here the host cluster itself), as a joining DPU would.
 *
 * <p>The control plane, the manager, the BFB, the flavor and the DPUCluster are shared; each test
 * has host nodes, DPUs and a BMC of its own and removes them, so any order (or one test alone) holds.
 */
class DpuProvisioningIT {

  static final String NS = "dpf-provisioning";
  static final String FLAVOR = "dpf-provisioning-hbn-ovn";
  static final long BFB_SIZE = 4L * 1024 * 1024;
  static final Duration WAIT = Duration.ofSeconds(120);

  static LocalControlPlane cluster;
  static KubernetesClient client;
  static BfbFileServer bfbServer;
  /** The BFB volume; JUnit removes it after the class. */
  @TempDir
  static Path bfbDir;
  static ManagerFixture manager;
  static DpuObserver dpus;
  static Watch phaseWatch;
  static final WriteCounter writes = new WriteCounter();
  static CertificateAuthority bmcCa;
  /** Stands in for the host's /dev: rshim device directories the tests create. */
  static Path rshimRoot;

  OwnedObjects owned;
  /** Closed after the owned objects are gone, last added first. */
  final Deque<AutoCloseable> closeAfter = new ArrayDeque<>();

  static ProvisioningSettings settings() {
    return ManagerFixture.fastSettings(bfbDir).withRshimRoot(rshimRoot);
  }

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalControlPlane.start("dpu-it");
    client = cluster.client();
    ManagerFixture.prepare(cluster, NS);
    bfbServer = BfbFileServer.serving(BFB_SIZE);
    bmcCa = CertificateAuthority.create("bmc-ca");
    ProvisioningWorld.dpuClusterOnItself(cluster, NS);
    ProvisioningWorld.bfb(client, NS, "doca-2.9", bfbServer.url("bf-bundle-2.9.bfb"));
    ProvisioningWorld.flavor(client, NS, FLAVOR);
    ProvisioningWorld.bmcCredentials(client, NS, "bmc-credentials", BlueFieldBmcSimulator.USER, "bmc-password",
        bmcCa.certificatePem());
    dpus = new DpuObserver(client, NS, WAIT);
    phaseWatch = client.resources(DPU.class).inNamespace(NS).withLabel("test", "dpu-it").watch(dpus);
    rshimRoot = Files.createTempDirectory("dev");
    manager = ManagerFixture.start(cluster, settings(), writes);
  }

  @AfterAll
  static void stop() {
    if (phaseWatch != null) {
      phaseWatch.close();
    }
    if (manager != null) {
      manager.kill();
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
  void aDpuIsInstalledThroughItsBmcAndWalksEveryPhaseToReady() throws Exception {
    BlueFieldBmcSimulator bmc = bmc("bmc-password");
    String name = dpu(hostNode("walk-host"), "0000-4b-00", bmc, "bmc-credentials");

    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(bmc.resets()).containsExactly("GracefulRestart");
    assertThat(bmc.pushedImages()).containsExactly(DpuObserver.sha256Of(bfbDir, "dpf-provisioning-doca-2.9.bfb",
        name + ".cfg"));
    assertThat(Files.readString(bfbDir.resolve(name + ".cfg"))).contains("UPDATE_ATF_UEFI=yes")
        .contains("echo " + name + " > /mnt/etc/hostname")
        // The join command made from the DPU cluster's bootstrap token and CA, no kubeadm binary involved.
        .containsPattern("kubeadm join [^ ]+:[0-9]+ --token [a-z0-9]{6}\\.[a-z0-9]{16} "
            + "--discovery-token-ca-cert-hash sha256:[0-9a-f]{64}");

    boot(name);

    dpus.awaitPhase(name, DPUPhase.READY);
    await().atMost(WAIT).until(() -> dpus.condition(name, ConditionTypes.READY)
        .map(c -> "True".equals(c.getStatus())).orElse(false));
    DPU dpu = dpus.dpu(name);
    assertThat(dpu.getSpec().getCluster().getName()).isEqualTo(ProvisioningWorld.DPU_CLUSTER);
    assertThat(client.resources(DPUCluster.class).inNamespace(NS).withName(ProvisioningWorld.DPU_CLUSTER).get()
        .getStatus().getPhase()).isEqualTo(DPUClusterPhase.READY);
    assertThat(dpu.getStatus().getRedfishTaskId()).isEqualTo("/redfish/v1/TaskService/Tasks/1");
    assertThat(client.nodes().withName(name).get().getMetadata().getLabels())
        .containsEntry("dpu.example.com/role", "worker").containsEntry(LabelKeys.HOST, "walk-host")
        .containsEntry(LabelKeys.DOCA_BFB_VERSION, "bf-bundle-2.9");
    for (String type : List.of(ConditionTypes.DPU.INITIALIZED, ConditionTypes.DPU.NODE_EFFECT_READY,
        ConditionTypes.DPU.BFB_READY, ConditionTypes.DPU.OS_INSTALLED, ConditionTypes.DPU.REBOOTED)) {
      assertThat(dpus.condition(name, type)).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
    }
    assertThat(dpus.phasesOf(name)).containsSubsequence("Node Effect", "Pending", "OS Installing",
        "Rebooting", "DPU Cluster Config", "Ready");
    // Events are written after the status: the last one may trail the Ready seen above.
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.eventReasons(name)).contains(
        "Normal NodeEffect", "Normal Pending", "Normal OSInstalling", "Normal Rebooting", "Normal DPUClusterConfig",
        "Normal Ready").allMatch(reason -> reason.startsWith("Normal ")));
    assertThat(dpus.events(name)).anySatisfy(e ->
        assertThat(e.getMessage()).isEqualTo("Pending -> OS Installing"));
    awaitPhaseMetricsAgreeWithTheApi();
  }

  @Test
  void anUnchangedWorldCausesNoWrites() throws Exception {
    String name = dpu(hostNode("quiet-host"), "0000-4b-00", bmc("bmc-password"), "bmc-credentials");
    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    boot(name);
    dpus.awaitPhase(name, DPUPhase.READY);
    // What this test settled: its DPU, host node and DPU node (and their Events, named after them),
    // and the DPUCluster and BFB the DPU uses.
    Predicate<String> mine = path -> path.contains("quiet-host")
        || path.contains("/dpuclusters/" + ProvisioningWorld.DPU_CLUSTER) || path.contains("/bfbs/doca-2.9");
    // A Ready DPU is rechecked every 2 s here: the DPU controller runs for each DPU there is, again
    // and again, first until none of this test's objects is written, then measured.
    long rechecks = 3L * client.resources(DPU.class).inAnyNamespace().list().getItems().size();
    awaitNoWritesOver(mine, rechecks);

    int before = writes.count();
    int readsBefore = writes.readCount();
    long reconciles = dpuReconciles();
    await().atMost(WAIT).until(() -> dpuReconciles() >= reconciles + rechecks);
    List<String> reads = writes.readsSince(readsBefore);
    System.out.printf("%n[figures] provisioning-manager, %d DPU reconciles of an unchanged world (recheck every 2 s): "
        + "%d writes to the test's objects, %d reads on the host: %s%n", rechecks, writes.since(before, mine).size(),
        reads.size(), reads);
    assertThat(writes.since(before, mine)).isEmpty();
    // Everything else comes from the shared caches; what is left is the designed recheck of the DPU
    // cluster's kubeconfig Secret (Secrets are not cached), by the DPU and DPUCluster controllers.
    assertThat(reads).as("host reads beyond the watches").allSatisfy(read -> assertThat(read).contains("/secrets/"));
  }

  @Test
  void aBmcFaultIsAnErrorThatIsRetriedAndAKilledManagerDoesNotPushTwice() throws Exception {
    BlueFieldBmcSimulator bmc = bmc("bmc-password");
    bmc.failNextRequests(500, 1);
    String name = dpu(hostNode("fault-host"), "0000-4b-00", bmc, "bmc-credentials");

    await().atMost(WAIT).until(() -> dpus.phasesOf(name).contains("Error"));
    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(dpus.phasesOf(name)).containsSubsequence("OS Installing", "Error", "OS Installing", "Rebooting");
    assertThat(dpus.condition(name, ConditionTypes.DPU.OS_INSTALLED)).hasValueSatisfying(c ->
        assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(dpus.dpu(name).getMetadata().getAnnotations()).containsKey(RetryRecord.ANNOTATION);
    assertThat(dpus.events(name)).anySatisfy(e -> {
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getReason()).isEqualTo("Error");
      assertThat(e.getMessage()).startsWith("OS Installing failed (OSInstalled InstallationFailed): attempt 1: ")
          .contains("HTTP 500").contains("simulated BMC fault");
    }).anySatisfy(e -> {
      assertThat(e.getType()).isEqualTo("Normal");
      assertThat(e.getMessage()).isEqualTo("retrying: Error -> OS Installing");
    });
    int pushes = bmc.updatesAccepted();
    int resets = bmc.resets().size();

    restartManager(settings());
    boot(name);

    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(bmc.updatesAccepted()).as("pushes after the restart").isEqualTo(pushes);
    assertThat(bmc.resets()).as("resets after the restart").hasSize(resets);
    assertThat(dpus.dpu(name).getMetadata().getAnnotations()).as("retry record cleared once Ready")
        .doesNotContainKey(RetryRecord.ANNOTATION);
    assertThat(dpus.readyWithRetryRecord()).as("DPUs a watch saw Ready with the retry record still on").doesNotContain(name);
    // Counted by a manager that saw the DPU only after the restart: the figures come from what the API holds.
    awaitPhaseMetricsAgreeWithTheApi();
  }

  @Test
  void wrongBmcCredentialsAreNamedInTheConditionUntilFixed() throws Exception {
    BlueFieldBmcSimulator bmc = bmc("bmc-password");
    ProvisioningWorld.bmcCredentials(client, NS, "wrong-credentials", BlueFieldBmcSimulator.USER, "not-it",
        bmcCa.certificatePem());
    owned.own(secret("wrong-credentials"));
    String name = dpu(hostNode("creds-host"), "0000-8a-00", bmc, "wrong-credentials");

    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.condition(name, ConditionTypes.DPU.OS_INSTALLED))
        .hasValueSatisfying(c -> {
          assertThat(c.getReason()).isEqualTo(KindReasons.DPU.INSTALLATION_FAILED);
          assertThat(c.getMessage()).contains("HTTP 401").contains("refused the credentials");
        }));

    ProvisioningWorld.bmcCredentials(client, NS, "wrong-credentials", BlueFieldBmcSimulator.USER, "bmc-password",
        bmcCa.certificatePem());
    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
  }

  @Test
  void deletingADpuRemovesItsNodeAndFiles() throws Exception {
    String name = dpu(hostNode("gone-host"), "0000-4b-00", bmc("bmc-password"), "bmc-credentials");
    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    boot(name);
    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(bfbDir.resolve(name + ".cfg")).exists();

    client.resources(DPU.class).inNamespace(NS).withName(name).delete();

    await().atMost(WAIT).until(() -> dpus.dpu(name) == null);
    assertThat(client.nodes().withName(name).get()).isNull();
    assertThat(bfbDir.resolve(name + ".cfg")).doesNotExist();
    awaitPhaseMetricsAgreeWithTheApi();
  }

  @Test
  void aDpuSetMakesOneDpuPerHostNodeAndKeepsTheFlavorAndBfbWhileItUsesThem() {
    ProvisioningWorld.flavor(client, NS, "set-flavor");
    owned.own(client.resources(DPUFlavor.class).inNamespace(NS).withName("set-flavor").get());
    for (String host : List.of("set-host-a", "set-host-b")) {
      Map<String, String> labels = new HashMap<>(
          DpuSets.hostNode(host, "10.0.0.1", "0000-4b-00").getMetadata().getLabels());
      labels.put("it.dpf.io/set", "hosts");
      cluster.addNode(host, labels);
      owned.ownNode(host);
    }
    DPUSet set = DpuSets.set(NS, "hosts", "doca-2.9", "set-flavor", DPUSetStrategyType.ROLLING_UPDATE);
    set.getMetadata().setUid(null);
    set.getSpec().setNodeSelector(new LabelSelectorBuilder()
        .addToMatchLabels("it.dpf.io/set", "hosts").build());
    set.getSpec().getDpuTemplate().getSpec().setBfb(new BFBReference());
    set.getSpec().getDpuTemplate().getSpec().getBfb().setName("not-published-yet");
    owned.create(set);

    await().atMost(WAIT).untilAsserted(() -> assertThat(client.resources(DPUSet.class).inNamespace(NS).withName("hosts")
        .get().getStatus()).isNotNull().satisfies(s -> assertThat(s.getDpuStatistics()).containsEntry("Pending", 2)));
    List<DPU> made = setDpus("hosts");
    assertThat(made).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder("set-host-a-0000-4b-00",
        "set-host-b-0000-4b-00");
    assertThat(made.get(0).getMetadata().getLabels()).containsEntry(LabelKeys.DPU_PCI_ADDRESS, "0000-4b-00")
        .containsEntry(LabelKeys.DPU_PF_NAME, "p0");
    assertThat(dpus.condition("set-host-a-0000-4b-00", ConditionTypes.DPU.BFB_READY)).hasValueSatisfying(c ->
        assertThat(c.getReason()).isEqualTo(KindReasons.DPU.BFB_IS_NOT_READY));

    client.resources(DPUFlavor.class).inNamespace(NS).withName("set-flavor").delete();
    await().atMost(WAIT).until(() -> client.v1().events().inNamespace(NS)
        .withName("set-flavor.deletion-blocked").get() != null);
    assertThat(client.resources(DPUFlavor.class).inNamespace(NS).withName("set-flavor").get()).isNotNull();

    client.resource(client.resources(DPUSet.class).inNamespace(NS).withName("hosts").get()).delete();

    await().atMost(WAIT).until(() -> client.resources(DPUSet.class).inNamespace(NS).withName("hosts").get() == null
        && setDpus("hosts").isEmpty());
    await().atMost(WAIT).until(() -> client.resources(DPUFlavor.class).inNamespace(NS).withName("set-flavor").get() == null);
  }

  @Test
  void aDpuIsInstalledThroughTheHostsRshimDevice() throws Exception {
    Path device = Files.createDirectories(rshimRoot.resolve("rshim0"));
    closeAfter.push(() -> deleteTree(device));
    Files.createFile(device.resolve("boot"));
    Files.writeString(device.resolve("misc"), "DISPLAY_LEVEL   0 (0:basic, 1:advanced, 2:log)\n"
        + "DEV_NAME        pcie-0000:4b:00.2\nDEV_INFO        BlueField-3(Rev 1)\n");
    String host = hostNode("rshim-host");
    DPU dpu = ProvisioningWorld.redfishDpu(NS, host, "0000-4b-00", "doca-2.9", FLAVOR, 0, null);
    dpu.getSpec().setInstallInterface(InstallInterface.HOST_AGENT);
    dpu.getSpec().setBmcIp(null);
    dpu.getSpec().setBmcPort(null);
    String name = dpu.getMetadata().getName();
    owned.ownNode(name);
    owned.create(dpu);
    Path cfg = bfbDir.resolve(name + ".cfg");

    await().atMost(WAIT).until(() -> Files.exists(cfg) && Files.size(device.resolve("boot")) == BFB_SIZE + Files.size(cfg));
    assertThat(DpuObserver.sha256Of(device, "boot")).isEqualTo(DpuObserver.sha256Of(bfbDir, "dpf-provisioning-doca-2.9.bfb",
        name + ".cfg"));
    dpus.awaitPhase(name, DPUPhase.OS_INSTALLING);

    // The DPU (this test) boots what it was sent and says so in its install log.
    Files.writeString(device.resolve("misc"), " INFO[MISC]: Linux up\n", StandardOpenOption.APPEND);
    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    boot(name);
    dpus.awaitPhase(name, DPUPhase.READY);
    assertThat(dpus.dpu(name).getStatus().getInstallInterface())
        .isEqualTo(InstallInterface.HOST_AGENT);
  }

  @Test
  void aTaintKeepsWorkloadsOffTheHostWhileItsDpuIsProvisionedAndGoesWhenItIsReady() throws Exception {
    BlueFieldBmcSimulator bmc = bmc("bmc-password");
    String host = hostNode("taint-host");
    DPU dpu = ProvisioningWorld.redfishDpu(NS, host, "0000-8a-00", "doca-2.9", FLAVOR, bmc.port(), "bmc-credentials");
    NodeEffect taint = new NodeEffect();
    taint.setTaint(new TaintBuilder().withKey("dpu.nvidia.com/provisioning").withEffect("NoSchedule").build());
    dpu.getSpec().setNodeEffect(taint);
    String name = create(dpu);

    await().atMost(WAIT).until(() -> hostTaints(host).contains("dpu.nvidia.com/provisioning"));
    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(hostTaints(host)).as("still tainted until the DPU is Ready").contains("dpu.nvidia.com/provisioning");
    boot(name);
    dpus.awaitPhase(name, DPUPhase.READY);
    await().atMost(WAIT).until(() -> !hostTaints(host).contains("dpu.nvidia.com/provisioning"));
  }

  @Test
  void aDrainWaitsForTheNodeMaintenanceAndEndsItWhenTheDpuIsReady() throws Exception {
    BlueFieldBmcSimulator bmc = bmc("bmc-password");
    String host = hostNode("drain-host");
    DPU dpu = ProvisioningWorld.redfishDpu(NS, host, "0000-9b-00", "doca-2.9", FLAVOR, bmc.port(), "bmc-credentials");
    NodeEffect drain = new NodeEffect();
    drain.setDrain(new Drain());
    dpu.getSpec().setNodeEffect(drain);
    String name = create(dpu);

    await().atMost(WAIT).until(() -> maintenance(host) != null);
    NodeMaintenance requested = maintenance(host);
    assertThat(requested.getSpec().getNodeName()).isEqualTo(host);
    assertThat(requested.getSpec().getDrainSpec().getForce()).isTrue();
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.condition(name,
        ConditionTypes.DPU.NODE_EFFECT_READY)).hasValueSatisfying(c -> assertThat(c.getMessage())
        .contains("waiting for NodeMaintenance " + host)));
    assertThat(dpus.dpu(name).getStatus().getPhase()).isEqualTo(DPUPhase.NODE_EFFECT);

    // The maintenance operator (this test) drained the node and says so.
    client.resources(NodeMaintenance.class).inNamespace(NS).withName(host).editStatus(m -> {
      NodeMaintenanceStatus status = new NodeMaintenanceStatus();
      status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True").withReason("Ready")
          .withMessage("node drained").withLastTransitionTime("2026-11-25T12:00:00Z").build()));
      m.setStatus(status);
      return m;
    });
    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    boot(name);
    dpus.awaitPhase(name, DPUPhase.READY);
    await().atMost(WAIT).until(() -> maintenance(host) == null);
  }

  @Test
  void aDpuIsInstalledThroughABmcSessionPullingItsImageOverHttps() throws Exception {
    CertificateAuthority imageCa = CertificateAuthority.create("image-server-ca");
    Path imageTls = Files.createTempDirectory("image-server-tls");
    closeAfter.push(() -> deleteTree(imageTls));
    imageCa.issueServer("dpf-image-server", List.of("localhost"), List.of("127.0.0.1"))
        .writeTo(imageTls.resolve("tls.crt"), imageTls.resolve("tls.key"));
    restartManager(settings().withImageTls(ProvisioningSettings.ImageTls.fromSecret(imageTls)));
    // The other tests' manager serves plain HTTP: it is back when this one ends, however it ends.
    closeAfter.push(() -> restartManager(settings()));
    BlueFieldBmcSimulator sessionBmc = bmc("session-password");
    sessionBmc.requireSessions(true);
    sessionBmc.trustImageServer(imageCa.certificate());
    ProvisioningWorld.bmcCredentials(client, NS, "session-credentials", BlueFieldBmcSimulator.USER, "session-password",
        bmcCa.certificatePem(), Map.of(BmcAccess.AUTH_METHOD, "session"));
    owned.own(secret("session-credentials"));
    String name = dpu(hostNode("session-host"), "0000-8b-00", sessionBmc, "session-credentials");

    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(sessionBmc.transfers()).containsExactly("SimpleUpdate HTTPS");
    assertThat(sessionBmc.pushedImages()).containsExactly(DpuObserver.sha256Of(bfbDir, "dpf-provisioning-doca-2.9.bfb",
        name + ".cfg"));
    assertThat(sessionBmc.resets()).containsExactly("GracefulRestart");
    assertThat(sessionBmc.sessionLogins()).isPositive();
    assertThat(sessionBmc.basicAuthenticatedRequests()).isZero();
    assertThat(sessionBmc.openSessions()).as("sessions left open after the install").isZero();

    boot(name);
    dpus.awaitPhase(name, DPUPhase.READY);
  }

  @Test
  void aDpuThatAsksForAPushIsInstalledThroughHttpPushUri() throws Exception {
    BlueFieldBmcSimulator bmc = bmc("bmc-password");
    DPU dpu = ProvisioningWorld.redfishDpu(NS, hostNode("push-host"), "0000-8c-00", "doca-2.9", FLAVOR, bmc.port(),
        "bmc-credentials");
    dpu.getMetadata().setAnnotations(Map.of(ImageTransfer.ANNOTATION, "push"));
    String name = create(dpu);

    dpus.awaitPhase(name, DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(bmc.transfers()).containsExactly("HttpPushUri");
    assertThat(bmc.pushedImages()).containsExactly(DpuObserver.sha256Of(bfbDir, "dpf-provisioning-doca-2.9.bfb",
        name + ".cfg"));
    assertThat(dpus.dpu(name).getStatus().getRedfishTaskId()).startsWith("/redfish/v1/TaskService/Tasks/");

    boot(name);
    dpus.awaitPhase(name, DPUPhase.READY);
  }

  // --- each test's own world ---------------------------------------------------------------

  /** A BMC of the test's own, so what it was sent is this test's alone. */
  BlueFieldBmcSimulator bmc(String password) throws Exception {
    BlueFieldBmcSimulator bmc = BlueFieldBmcSimulator.start(bmcCa, password);
    closeAfter.push(bmc);
    return bmc;
  }

  /** A host node of the test's own, labelled as dpu-detector would (its OOB bridge configured). */
  String hostNode(String name) {
    cluster.addNode(name, Map.of(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, "", "role", "host"));
    owned.ownNode(name);
    return name;
  }

  /** A DPU installed through {@code bmc}, owned by the test with the DPU node it may join as. */
  String dpu(String host, String pci, BlueFieldBmcSimulator bmc, String credentials) {
    return create(ProvisioningWorld.redfishDpu(NS, host, pci, "doca-2.9", FLAVOR, bmc.port(), credentials));
  }

  /** Creates the DPU; its node in the DPU cluster is removed after it (the manager should already have). */
  String create(DPU dpu) {
    owned.ownNode(dpu.getMetadata().getName());
    owned.create(dpu);
    return dpu.getMetadata().getName();
  }

  /** The DPU boots and joins its DPU cluster: its node appears there. */
  static void boot(String dpu) {
    cluster.addNode(dpu, Map.of());
  }

  static void restartManager(ProvisioningSettings settings) {
    manager.kill();
    manager = ManagerFixture.start(cluster, settings, writes);
  }

  static Secret secret(String name) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata().build();
  }

  static List<DPU> setDpus(String set) {
    return client.resources(DPU.class).inNamespace(NS).withLabel(LabelKeys.DPUSET_NAME, set).list().getItems();
  }

  static long dpuReconciles() {
    return ReconcileCounts.of(manager.manager().httpPort(), "dpu");
  }

  /** Waits until {@code rechecks} DPU reconciles in a row left the objects {@code mine} selects unwritten. */
  static void awaitNoWritesOver(Predicate<String> mine, long rechecks) {
    int[] windowWrites = {writes.count()};
    long[] windowStart = {dpuReconciles()};
    await().atMost(WAIT).until(() -> {
      long reconciles = dpuReconciles();
      if (!writes.since(windowWrites[0], mine).isEmpty()) {
        windowWrites[0] = writes.count();
        windowStart[0] = reconciles;
        return false;
      }
      return reconciles >= windowStart[0] + rechecks;
    });
  }

  /** {@code dpf_provisioning_dpus{phase}} as the manager's /metrics serves it equals what the API holds. */
  static void awaitPhaseMetricsAgreeWithTheApi() {
    await().atMost(WAIT).untilAsserted(() -> {
      List<DPU> all = client.resources(DPU.class).inAnyNamespace().list().getItems();
      var metrics = manager.scrapeMetrics();
      for (DPUPhase phase : DPUPhase.values()) {
        long inApi = all.stream().filter(d -> d.getStatus() != null && d.getStatus().getPhase() == phase).count();
        assertThat(metrics.value("dpf_provisioning_dpus", Map.of("phase", phase.value())).orElse(0))
            .as(phase.value()).isEqualTo((double) inApi);
      }
    });
  }

  static List<String> hostTaints(String node) {
    var taints = client.nodes().withName(node).get().getSpec().getTaints();
    return taints == null ? List.of() : taints.stream().map(t -> t.getKey()).toList();
  }

  static NodeMaintenance maintenance(String node) {
    return client.resources(NodeMaintenance.class).inNamespace(NS).withName(node).get();
  }

  static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
