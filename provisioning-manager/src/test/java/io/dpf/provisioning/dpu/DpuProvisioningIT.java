package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.api.provisioning.v1alpha1.Drain;
import io.dpf.api.provisioning.v1alpha1.NodeEffect;
import io.dpf.api.thirdparty.maintenance.v1alpha1.NodeMaintenance;
import io.dpf.api.thirdparty.maintenance.v1alpha1.NodeMaintenanceStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.dpf.provisioning.ManagerFixture;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.dpu.install.BmcAccess;
import io.dpf.provisioning.dpu.install.ImageTransfer;
import io.dpf.provisioning.bfb.BfbFileServer;
import io.dpf.provisioning.dpuset.DpuSets;
import io.dpf.api.provisioning.v1alpha1.BFBReference;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.provisioning.v1alpha1.DPUSetStrategyType;
import io.dpf.provisioning.redfish.BlueFieldBmcSimulator;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * DPUs walking the phase machine on a real control plane (KWOK nodes), installed through the
 * BlueField BMC SIMULATOR over Redfish. The DPU "boots" when the test registers a KWOK node named
 * after it in the DPU cluster (here the host cluster itself), as a joining DPU would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DpuProvisioningIT {

  static final String NS = "dpf-provisioning";
  static final long BFB_SIZE = 4L * 1024 * 1024;
  static final Duration WAIT = Duration.ofSeconds(120);

  static LocalControlPlane cluster;
  static KubernetesClient client;
  static BfbFileServer bfbServer;
  static BlueFieldBmcSimulator bmc;
  static Path bfbDir;
  static ManagerFixture manager;
  static DpuObserver dpus;
  static Watch phaseWatch;
  static final WriteCounter writes = new WriteCounter();
  static CertificateAuthority bmcCa;
  /** Stands in for the host's /dev: rshim device directories the tests create. */
  static Path rshimRoot;

  static io.dpf.provisioning.ProvisioningSettings settings() {
    return ManagerFixture.fastSettings(bfbDir).withRshimRoot(rshimRoot);
  }

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalControlPlane.start("dpu-it");
    client = cluster.client();
    ManagerFixture.prepare(cluster, NS);
    bfbDir = Files.createTempDirectory("bfb-volume");
    bfbServer = BfbFileServer.serving(BFB_SIZE);
    bmcCa = CertificateAuthority.create("bmc-ca");
    bmc = BlueFieldBmcSimulator.start(bmcCa, "bmc-password");
    ProvisioningWorld.dpuClusterOnItself(cluster, NS);
    ProvisioningWorld.bfb(client, NS, "doca-2.9", bfbServer.url("bf-bundle-2.9.bfb"));
    ProvisioningWorld.flavor(client, NS, "dpf-provisioning-hbn-ovn");
    ProvisioningWorld.bmcCredentials(client, NS, "bmc-credentials", BlueFieldBmcSimulator.USER, "bmc-password",
        bmcCa.certificatePem());
    for (String host : List.of("worker-1", "worker-2")) {
      cluster.addNode(host, Map.of(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, "", "role", "host"));
    }
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
    bmc.close();
    bfbServer.close();
    cluster.close();
  }

  @Test
  @Order(1)
  void aDpuIsInstalledThroughItsBmcAndWalksEveryPhaseToReady() throws Exception {
    client.resource(ProvisioningWorld.redfishDpu(NS, "worker-1", "0000-4b-00", "doca-2.9", "dpf-provisioning-hbn-ovn",
        bmc.port(), "bmc-credentials")).create();

    dpus.awaitPhase("worker-1-0000-4b-00", DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(bmc.resets()).containsExactly("GracefulRestart");
    assertThat(bmc.pushedImages()).containsExactly(DpuObserver.sha256Of(bfbDir, "dpf-provisioning-doca-2.9.bfb",
        "worker-1-0000-4b-00.cfg"));
    assertThat(Files.readString(bfbDir.resolve("worker-1-0000-4b-00.cfg"))).contains("UPDATE_ATF_UEFI=yes")
        .contains("echo worker-1-0000-4b-00 > /mnt/etc/hostname")
        // The join command made from the DPU cluster's bootstrap token and CA, no kubeadm binary involved.
        .containsPattern("kubeadm join [^ ]+:[0-9]+ --token [a-z0-9]{6}\\.[a-z0-9]{16} "
            + "--discovery-token-ca-cert-hash sha256:[0-9a-f]{64}");

    cluster.addNode("worker-1-0000-4b-00", Map.of());

    dpus.awaitPhase("worker-1-0000-4b-00", DPUPhase.READY);
    await().atMost(WAIT).until(() -> dpus.condition("worker-1-0000-4b-00", ConditionTypes.READY)
        .map(c -> "True".equals(c.getStatus())).orElse(false));
    DPU dpu = dpus.dpu("worker-1-0000-4b-00");
    assertThat(dpu.getSpec().getCluster().getName()).isEqualTo(ProvisioningWorld.DPU_CLUSTER);
    assertThat(client.resources(DPUCluster.class).inNamespace(NS).withName(ProvisioningWorld.DPU_CLUSTER).get()
        .getStatus().getPhase()).isEqualTo(DPUClusterPhase.READY);
    assertThat(dpu.getStatus().getRedfishTaskId()).isEqualTo("/redfish/v1/TaskService/Tasks/1");
    assertThat(client.nodes().withName("worker-1-0000-4b-00").get().getMetadata().getLabels())
        .containsEntry("dpu.example.com/role", "worker").containsEntry(LabelKeys.HOST, "worker-1")
        .containsEntry(LabelKeys.DOCA_BFB_VERSION, "bf-bundle-2.9");
    for (String type : List.of(ConditionTypes.DPU.INITIALIZED, ConditionTypes.DPU.NODE_EFFECT_READY,
        ConditionTypes.DPU.BFB_READY, ConditionTypes.DPU.OS_INSTALLED, ConditionTypes.DPU.REBOOTED)) {
      assertThat(dpus.condition("worker-1-0000-4b-00", type)).hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo("True"));
    }
    assertThat(dpus.phasesOf("worker-1-0000-4b-00")).containsSubsequence("Node Effect", "Pending", "OS Installing",
        "Rebooting", "DPU Cluster Config", "Ready");
    // Events are written after the status: the last one may trail the Ready seen above.
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.eventReasons("worker-1-0000-4b-00")).contains(
        "Normal NodeEffect", "Normal Pending", "Normal OSInstalling", "Normal Rebooting", "Normal DPUClusterConfig",
        "Normal Ready").allMatch(reason -> reason.startsWith("Normal ")));
    assertThat(dpus.events("worker-1-0000-4b-00")).anySatisfy(e ->
        assertThat(e.getMessage()).isEqualTo("Pending -> OS Installing"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpusInPhase("Ready")).isEqualTo(1));
  }

  /** {@code dpf_provisioning_dpus{phase}} as the manager's /metrics endpoint serves it. */
  static double dpusInPhase(String phase) throws Exception {
    return manager.scrapeMetrics().valueOf("dpf_provisioning_dpus", Map.of("phase", phase));
  }

  @Test
  @Order(2)
  void anUnchangedWorldCausesNoWrites() {
    int before = writes.count();
    // Several recheck intervals (2 s here) of the Ready DPU, its DPUCluster and the Ready BFB.
    await().pollDelay(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(8)).until(() -> true);
    assertThat(writes.since(before)).isEmpty();
  }

  @Test
  @Order(3)
  void aBmcFaultIsAnErrorThatIsRetriedAndAKilledManagerDoesNotPushTwice() throws Exception {
    bmc.failNextRequests(500, 1);
    client.resource(ProvisioningWorld.redfishDpu(NS, "worker-2", "0000-4b-00", "doca-2.9", "dpf-provisioning-hbn-ovn",
        bmc.port(), "bmc-credentials")).create();

    await().atMost(WAIT).until(() -> dpus.phasesOf("worker-2-0000-4b-00").contains("Error"));
    dpus.awaitPhase("worker-2-0000-4b-00", DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(dpus.phasesOf("worker-2-0000-4b-00")).containsSubsequence("OS Installing", "Error", "OS Installing", "Rebooting");
    assertThat(dpus.condition("worker-2-0000-4b-00", ConditionTypes.DPU.OS_INSTALLED)).hasValueSatisfying(c ->
        assertThat(c.getStatus()).isEqualTo("True"));
    assertThat(dpus.dpu("worker-2-0000-4b-00").getMetadata().getAnnotations()).containsKey(RetryRecord.ANNOTATION);
    assertThat(dpus.events("worker-2-0000-4b-00")).anySatisfy(e -> {
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

    manager.kill();
    manager = ManagerFixture.start(cluster, settings());
    cluster.addNode("worker-2-0000-4b-00", Map.of());

    dpus.awaitPhase("worker-2-0000-4b-00", DPUPhase.READY);
    assertThat(bmc.updatesAccepted()).as("pushes after the restart").isEqualTo(pushes);
    assertThat(bmc.resets()).as("resets after the restart").hasSize(resets);
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(dpus.dpu("worker-2-0000-4b-00").getMetadata().getAnnotations()).doesNotContainKey(RetryRecord.ANNOTATION));
    // Counted by a manager that saw neither DPU arrive: the figures come from what the API holds.
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpusInPhase("Ready")).isEqualTo(2));
  }

  @Test
  @Order(4)
  void wrongBmcCredentialsAreNamedInTheConditionUntilFixed() {
    ProvisioningWorld.bmcCredentials(client, NS, "wrong-credentials", BlueFieldBmcSimulator.USER, "not-it",
        bmcCa.certificatePem());
    client.resource(ProvisioningWorld.redfishDpu(NS, "worker-1", "0000-8a-00", "doca-2.9", "dpf-provisioning-hbn-ovn",
        bmc.port(), "wrong-credentials")).create();

    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.condition("worker-1-0000-8a-00", ConditionTypes.DPU.OS_INSTALLED))
        .hasValueSatisfying(c -> {
          assertThat(c.getReason()).isEqualTo(KindReasons.DPU.INSTALLATION_FAILED);
          assertThat(c.getMessage()).contains("HTTP 401").contains("refused the credentials");
        }));
  }

  @Test
  @Order(5)
  void deletingDpusRemovesTheirNodesAndFiles() {
    client.resources(DPU.class).inNamespace(NS).withLabel("test", "dpu-it").delete();

    await().atMost(WAIT).until(() -> client.resources(DPU.class).inNamespace(NS).list().getItems().isEmpty());
    assertThat(client.nodes().withName("worker-1-0000-4b-00").get()).isNull();
    assertThat(bfbDir.resolve("worker-1-0000-4b-00.cfg")).doesNotExist();
    await().atMost(WAIT).untilAsserted(() -> {
      for (DPUPhase phase : DPUPhase.values()) {
        assertThat(dpusInPhase(phase.value())).as(phase.value()).isZero();
      }
    });
  }

  @Test
  @Order(6)
  void aDpuSetMakesOneDpuPerHostNodeAndKeepsTheFlavorAndBfbWhileItUsesThem() {
    for (String host : List.of("host-a", "host-b")) {
      cluster.addNode(host, DpuSets.hostNode(host, "10.0.0.1", "0000-4b-00").getMetadata().getLabels());
    }
    DPUSet set = DpuSets.set(NS, "hosts", "doca-2.9", "dpf-provisioning-hbn-ovn", DPUSetStrategyType.ROLLING_UPDATE);
    set.getMetadata().setUid(null);
    set.getSpec().getDpuTemplate().getSpec().setBfb(new BFBReference());
    set.getSpec().getDpuTemplate().getSpec().getBfb().setName("not-published-yet");
    client.resource(set).create();

    await().atMost(WAIT).untilAsserted(() -> assertThat(client.resources(DPUSet.class).inNamespace(NS).withName("hosts")
        .get().getStatus()).isNotNull().satisfies(s -> assertThat(s.getDpuStatistics()).containsEntry("Pending", 2)));
    List<DPU> made = client.resources(DPU.class).inNamespace(NS).withLabel(LabelKeys.DPUSET_NAME, "hosts").list().getItems();
    assertThat(made).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder("host-a-0000-4b-00",
        "host-b-0000-4b-00");
    assertThat(made.get(0).getMetadata().getLabels()).containsEntry(LabelKeys.DPU_PCI_ADDRESS, "0000-4b-00")
        .containsEntry(LabelKeys.DPU_PF_NAME, "p0");
    assertThat(dpus.condition("host-a-0000-4b-00", ConditionTypes.DPU.BFB_READY)).hasValueSatisfying(c ->
        assertThat(c.getReason()).isEqualTo(KindReasons.DPU.BFB_IS_NOT_READY));

    client.resources(DPUFlavor.class).inNamespace(NS).withName("dpf-provisioning-hbn-ovn").delete();
    await().atMost(WAIT).until(() -> client.v1().events().inNamespace(NS)
        .withName("dpf-provisioning-hbn-ovn.deletion-blocked").get() != null);
    assertThat(client.resources(DPUFlavor.class).inNamespace(NS).withName("dpf-provisioning-hbn-ovn").get()).isNotNull();

    client.resource(client.resources(DPUSet.class).inNamespace(NS).withName("hosts").get()).delete();

    await().atMost(WAIT).until(() -> client.resources(DPUSet.class).inNamespace(NS).withName("hosts").get() == null
        && client.resources(DPU.class).inNamespace(NS).list().getItems().isEmpty());
    await().atMost(WAIT).until(() ->
        client.resources(DPUFlavor.class).inNamespace(NS).withName("dpf-provisioning-hbn-ovn").get() == null);
  }

  @Test
  @Order(7)
  void aDpuIsInstalledThroughTheHostsRshimDevice() throws Exception {
    Path device = Files.createDirectories(rshimRoot.resolve("rshim0"));
    Files.createFile(device.resolve("boot"));
    Files.writeString(device.resolve("misc"), "DISPLAY_LEVEL   0 (0:basic, 1:advanced, 2:log)\n"
        + "DEV_NAME        pcie-0000:4b:00.2\nDEV_INFO        BlueField-3(Rev 1)\n");
    ProvisioningWorld.flavor(client, NS, "rshim-flavor");
    DPU dpu = ProvisioningWorld.redfishDpu(NS, "worker-1", "0000-4b-00", "doca-2.9", "rshim-flavor", 0, null);
    dpu.getSpec().setInstallInterface(io.dpf.api.provisioning.v1alpha1.InstallInterface.HOST_AGENT);
    dpu.getSpec().setBmcIp(null);
    dpu.getSpec().setBmcPort(null);
    client.resource(dpu).create();

    await().atMost(WAIT).until(() -> Files.exists(bfbDir.resolve("worker-1-0000-4b-00.cfg"))
        && Files.size(device.resolve("boot")) == BFB_SIZE + Files.size(bfbDir.resolve("worker-1-0000-4b-00.cfg")));
    assertThat(DpuObserver.sha256Of(device, "boot")).isEqualTo(DpuObserver.sha256Of(bfbDir, "dpf-provisioning-doca-2.9.bfb",
        "worker-1-0000-4b-00.cfg"));
    dpus.awaitPhase("worker-1-0000-4b-00", DPUPhase.OS_INSTALLING);

    // The DPU (this test) boots what it was sent and says so in its install log.
    Files.writeString(device.resolve("misc"), " INFO[MISC]: Linux up\n", java.nio.file.StandardOpenOption.APPEND);
    dpus.awaitPhase("worker-1-0000-4b-00", DPUPhase.DPU_CLUSTER_CONFIG);
    cluster.addNode("worker-1-0000-4b-00", Map.of());
    dpus.awaitPhase("worker-1-0000-4b-00", DPUPhase.READY);
    assertThat(dpus.dpu("worker-1-0000-4b-00").getStatus().getInstallInterface())
        .isEqualTo(io.dpf.api.provisioning.v1alpha1.InstallInterface.HOST_AGENT);
  }

  @Test
  @Order(8)
  void aTaintKeepsWorkloadsOffTheHostWhileItsDpuIsProvisionedAndGoesWhenItIsReady() {
    DPU dpu = ProvisioningWorld.redfishDpu(NS, "worker-2", "0000-8a-00", "doca-2.9", "rshim-flavor",
        bmc.port(), "bmc-credentials");
    NodeEffect taint = new NodeEffect();
    taint.setTaint(new TaintBuilder().withKey("dpu.nvidia.com/provisioning").withEffect("NoSchedule").build());
    dpu.getSpec().setNodeEffect(taint);
    client.resource(dpu).create();

    await().atMost(WAIT).until(() -> hostTaints("worker-2").contains("dpu.nvidia.com/provisioning"));
    dpus.awaitPhase("worker-2-0000-8a-00", DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(hostTaints("worker-2")).as("still tainted until the DPU is Ready").contains("dpu.nvidia.com/provisioning");
    cluster.addNode("worker-2-0000-8a-00", Map.of());
    dpus.awaitPhase("worker-2-0000-8a-00", DPUPhase.READY);
    await().atMost(WAIT).until(() -> !hostTaints("worker-2").contains("dpu.nvidia.com/provisioning"));
  }

  @Test
  @Order(10)
  void aDpuIsInstalledThroughABmcSessionPullingItsImageOverHttps() throws Exception {
    CertificateAuthority imageCa = CertificateAuthority.create("image-server-ca");
    Path imageTls = Files.createTempDirectory("image-server-tls");
    imageCa.issueServer("dpf-image-server", List.of("localhost"), List.of("127.0.0.1"))
        .writeTo(imageTls.resolve("tls.crt"), imageTls.resolve("tls.key"));
    manager.kill();
    manager = ManagerFixture.start(cluster, settings().withImageTls(ProvisioningSettings.ImageTls.fromSecret(imageTls)));
    try (BlueFieldBmcSimulator sessionBmc = BlueFieldBmcSimulator.start(bmcCa, "session-password")) {
      sessionBmc.requireSessions(true);
      sessionBmc.trustImageServer(imageCa.certificate());
      ProvisioningWorld.bmcCredentials(client, NS, "session-credentials", BlueFieldBmcSimulator.USER, "session-password",
          bmcCa.certificatePem(), Map.of(BmcAccess.AUTH_METHOD, "session"));
      ProvisioningWorld.flavor(client, NS, "session-flavor");
      client.resource(ProvisioningWorld.redfishDpu(NS, "worker-2", "0000-8b-00", "doca-2.9", "session-flavor",
          sessionBmc.port(), "session-credentials")).create();

      dpus.awaitPhase("worker-2-0000-8b-00", DPUPhase.DPU_CLUSTER_CONFIG);
      assertThat(sessionBmc.transfers()).containsExactly("SimpleUpdate HTTPS");
      assertThat(sessionBmc.pushedImages()).containsExactly(DpuObserver.sha256Of(bfbDir, "dpf-provisioning-doca-2.9.bfb",
          "worker-2-0000-8b-00.cfg"));
      assertThat(sessionBmc.resets()).containsExactly("GracefulRestart");
      assertThat(sessionBmc.sessionLogins()).isPositive();
      assertThat(sessionBmc.basicAuthenticatedRequests()).isZero();
      assertThat(sessionBmc.openSessions()).as("sessions left open after the install").isZero();

      cluster.addNode("worker-2-0000-8b-00", Map.of());
      dpus.awaitPhase("worker-2-0000-8b-00", DPUPhase.READY);
    }
  }

  @Test
  @Order(9)
  void aDrainWaitsForTheNodeMaintenanceAndEndsItWhenTheDpuIsReady() {
    DPU dpu = ProvisioningWorld.redfishDpu(NS, "worker-2", "0000-9b-00", "doca-2.9", "rshim-flavor",
        bmc.port(), "bmc-credentials");
    NodeEffect drain = new NodeEffect();
    drain.setDrain(new Drain());
    dpu.getSpec().setNodeEffect(drain);
    client.resource(dpu).create();

    await().atMost(WAIT).until(() -> maintenance("worker-2") != null);
    NodeMaintenance requested = maintenance("worker-2");
    assertThat(requested.getSpec().getNodeName()).isEqualTo("worker-2");
    assertThat(requested.getSpec().getDrainSpec().getForce()).isTrue();
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.condition("worker-2-0000-9b-00",
        ConditionTypes.DPU.NODE_EFFECT_READY)).hasValueSatisfying(c -> assertThat(c.getMessage())
        .contains("waiting for NodeMaintenance worker-2")));
    assertThat(dpus.dpu("worker-2-0000-9b-00").getStatus().getPhase()).isEqualTo(DPUPhase.NODE_EFFECT);

    // The maintenance operator (this test) drained the node and says so.
    client.resources(NodeMaintenance.class).inNamespace(NS).withName("worker-2").editStatus(m -> {
      NodeMaintenanceStatus status = new NodeMaintenanceStatus();
      status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("True").withReason("Ready")
          .withMessage("node drained").withLastTransitionTime("2026-11-25T12:00:00Z").build()));
      m.setStatus(status);
      return m;
    });
    dpus.awaitPhase("worker-2-0000-9b-00", DPUPhase.DPU_CLUSTER_CONFIG);
    cluster.addNode("worker-2-0000-9b-00", Map.of());
    dpus.awaitPhase("worker-2-0000-9b-00", DPUPhase.READY);
    await().atMost(WAIT).until(() -> maintenance("worker-2") == null);
  }

  static List<String> hostTaints(String node) {
    var taints = client.nodes().withName(node).get().getSpec().getTaints();
    return taints == null ? List.of() : taints.stream().map(t -> t.getKey()).toList();
  }

  static NodeMaintenance maintenance(String node) {
    return client.resources(NodeMaintenance.class).inNamespace(NS).withName(node).get();
  }

  @Test
  @Order(11)
  void aDpuThatAsksForAPushIsInstalledThroughHttpPushUri() throws Exception {
    ProvisioningWorld.flavor(client, NS, "push-flavor");
    DPU dpu = ProvisioningWorld.redfishDpu(NS, "worker-2", "0000-8c-00", "doca-2.9", "push-flavor", bmc.port(),
        "bmc-credentials");
    dpu.getMetadata().setAnnotations(Map.of(ImageTransfer.ANNOTATION, "push"));
    int transfers = bmc.transfers().size();
    client.resource(dpu).create();

    dpus.awaitPhase("worker-2-0000-8c-00", DPUPhase.DPU_CLUSTER_CONFIG);
    assertThat(bmc.transfers()).hasSize(transfers + 1).last().isEqualTo("HttpPushUri");
    assertThat(bmc.pushedImages()).last().isEqualTo(DpuObserver.sha256Of(bfbDir, "dpf-provisioning-doca-2.9.bfb",
        "worker-2-0000-8c-00.cfg"));
    assertThat(dpus.dpu("worker-2-0000-8c-00").getStatus().getRedfishTaskId()).startsWith("/redfish/v1/TaskService/Tasks/");

    cluster.addNode("worker-2-0000-8c-00", Map.of());
    dpus.awaitPhase("worker-2-0000-8c-00", DPUPhase.READY);
  }
}
