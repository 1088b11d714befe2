package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUPhase;
import io.dpf.provisioning.ManagerFixture;
import io.dpf.provisioning.bfb.BfbFileServer;
import io.dpf.provisioning.redfish.BlueFieldBmcSimulator;
import io.dpf.runtime.tls.CertificateAuthority;
import io.dpf.testkit.LocalControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BMC faults on a real control plane, through the BlueField BMC SIMULATOR: each ends in Error with a
 * condition naming the cause, and once the fault is gone the retry walks the DPU to Ready.
 */
class DpuFaultsIT {

  static final String NS = "dpf-provisioning";
  static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir
  static Path bfbDir;
  static LocalControlPlane cluster;
  static KubernetesClient client;
  static BfbFileServer bfbServer;
  static BlueFieldBmcSimulator bmc;
  static CertificateAuthority bmcCa;
  static ManagerFixture manager;
  static DpuObserver dpus;
  static Watch phaseWatch;

  @BeforeAll
  static void start() throws Exception {
    cluster = LocalControlPlane.start("dpu-faults-it");
    client = cluster.client();
    ManagerFixture.prepare(cluster, NS);
    bfbServer = BfbFileServer.serving(1024 * 1024);
    bmcCa = CertificateAuthority.create("bmc-ca");
    bmc = BlueFieldBmcSimulator.start(bmcCa, "bmc-password");
    ProvisioningWorld.dpuClusterOnItself(cluster, NS);
    ProvisioningWorld.bfb(client, NS, "doca-2.9", bfbServer.url("bf-bundle-2.9.bfb"));
    ProvisioningWorld.flavor(client, NS, "flavor");
    for (String host : List.of("worker-1", "worker-2")) {
      cluster.addNode(host, Map.of(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, ""));
    }
    dpus = new DpuObserver(client, NS, WAIT);
    phaseWatch = client.resources(DPU.class).inNamespace(NS).withLabel("test", "dpu-it").watch(dpus);
    manager = ManagerFixture.start(cluster, ManagerFixture.fastSettings(bfbDir));
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
  void aBmcTaskEndingInExceptionIsAnErrorNamingItAndTheRetrySucceedsOnceTheBmcDoes() {
    String dpu = "worker-1-0000-4b-00";
    ProvisioningWorld.bmcCredentials(client, NS, "bmc-task", BlueFieldBmcSimulator.USER, "bmc-password",
        bmcCa.certificatePem());
    bmc.failTasks("eMMC write error on DPU_OS");
    client.resource(ProvisioningWorld.redfishDpu(NS, "worker-1", "0000-4b-00", "doca-2.9", "flavor", bmc.port(),
        "bmc-task")).create();

    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.condition(dpu, ConditionTypes.DPU.OS_INSTALLED))
        .hasValueSatisfying(c -> {
          assertThat(c.getReason()).isEqualTo(KindReasons.DPU.INSTALLATION_FAILED);
          assertThat(c.getMessage()).containsPattern("BMC task \\d+ ended Exception/Critical: ")
              .contains("eMMC write error on DPU_OS");
        }));
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.events(dpu)).anySatisfy(e -> {
      assertThat(e.getType()).isEqualTo("Warning");
      assertThat(e.getReason()).isEqualTo("Error");
      assertThat(e.getMessage()).contains("ended Exception/Critical").contains("eMMC write error on DPU_OS");
    }));
    assertThat(bmc.pushedImages()).as("images the BMC completed").isEmpty();

    bmc.failTasks(null);

    awaitReadyOnceItJoins(dpu);
    assertThat(bmc.pushedImages()).hasSize(1);
    assertThat(dpus.phasesOf(dpu)).containsSubsequence("OS Installing", "Error", "OS Installing", "Rebooting", "Ready");
  }

  @Test
  void aBmcCertificateFromAForeignCaIsNamedAndFixingTheSecretRecovers() throws Exception {
    String dpu = "worker-2-0000-4b-00";
    // The Secret trusts another CA than the one that issued the BMC's certificate, e.g. after the BMC was re-keyed.
    ProvisioningWorld.bmcCredentials(client, NS, "bmc-foreign", BlueFieldBmcSimulator.USER, "bmc-password",
        CertificateAuthority.create("foreign-ca").certificatePem());
    client.resource(ProvisioningWorld.redfishDpu(NS, "worker-2", "0000-4b-00", "doca-2.9", "flavor", bmc.port(),
        "bmc-foreign")).create();

    await().atMost(WAIT).untilAsserted(() -> assertThat(dpus.condition(dpu, ConditionTypes.DPU.OS_INSTALLED))
        .hasValueSatisfying(c -> {
          assertThat(c.getReason()).isEqualTo(KindReasons.DPU.INSTALLATION_FAILED);
          assertThat(c.getMessage()).contains("BMC https://127.0.0.1:" + bmc.port())
              .contains("TLS certificate is not the trusted one");
        }));
    assertThat(dpus.phasesOf(dpu)).contains("Error");
    int pushes = bmc.updatesAccepted();

    ProvisioningWorld.bmcCredentials(client, NS, "bmc-foreign", BlueFieldBmcSimulator.USER, "bmc-password",
        bmcCa.certificatePem());

    awaitReadyOnceItJoins(dpu);
    assertThat(bmc.updatesAccepted()).as("pushes once the certificate is trusted").isEqualTo(pushes + 1);
  }

  @Test
  void aHungBmcHoldsUpOnlyTheDpusBehindIt() throws Exception {
    // More DPUs behind the hung BMC than a small worker pool has threads: each holds a worker while
    // its request waits, and the DPU behind the healthy BMC must still walk to Ready.
    List<String> hosts = List.of("worker-h1", "worker-h2", "worker-h3", "worker-h4");
    try (BlueFieldBmcSimulator hungBmc = BlueFieldBmcSimulator.start(bmcCa, "bmc-password")) {
      hungBmc.hang();
      ProvisioningWorld.bmcCredentials(client, NS, "bmc-hung", BlueFieldBmcSimulator.USER, "bmc-password",
          bmcCa.certificatePem());
      ProvisioningWorld.bmcCredentials(client, NS, "bmc-healthy", BlueFieldBmcSimulator.USER, "bmc-password",
          bmcCa.certificatePem());
      for (String host : hosts) {
        cluster.addNode(host, Map.of(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, ""));
        client.resource(ProvisioningWorld.redfishDpu(NS, host, "0000-4b-00", "doca-2.9", "flavor", hungBmc.port(),
            "bmc-hung")).create();
      }
      List<String> stuck = hosts.stream().map(host -> host + "-0000-4b-00").toList();
      stuck.forEach(dpu -> dpus.awaitPhase(dpu, DPUPhase.OS_INSTALLING));

      cluster.addNode("worker-ok", Map.of(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, ""));
      String healthy = "worker-ok-0000-4b-00";
      client.resource(ProvisioningWorld.redfishDpu(NS, "worker-ok", "0000-4b-00", "doca-2.9", "flavor", bmc.port(),
          "bmc-healthy")).create();
      awaitReadyOnceItJoins(healthy);
      assertThat(stuck).as("DPUs behind the hung BMC").allSatisfy(dpu ->
          assertThat(dpus.phasesOf(dpu)).doesNotContain("Rebooting"));

      // Once it answers, the DPUs behind it go on.
      hungBmc.answer();
      stuck.forEach(dpu -> dpus.awaitPhase(dpu, DPUPhase.DPU_CLUSTER_CONFIG));
    }
  }

  /** The install finishes, the DPU "boots" and joins its DPU cluster (a KWOK node named after it), and it is Ready. */
  private static void awaitReadyOnceItJoins(String dpu) {
    dpus.awaitPhase(dpu, DPUPhase.DPU_CLUSTER_CONFIG);
    cluster.addNode(dpu, Map.of());
    dpus.awaitPhase(dpu, DPUPhase.READY);
    assertThat(dpus.condition(dpu, ConditionTypes.DPU.OS_INSTALLED)).hasValueSatisfying(c ->
        assertThat(c.getStatus()).isEqualTo("True"));
  }
}
