package io.dpf.provisioning.dpucluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.ApiTypes;
import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.KindReasons;
import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUClusterReference;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.dpf.api.provisioning.v1alpha1.NodeEffect;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TenantControlPlane;
import io.dpf.provisioning.ManagerFixture;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.OwnedObjects;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DPUCluster of type kamaji adopting an existing TenantControlPlane (as the seed's
 * {@code dpu-cplane-tenant1}): the host API server has Kamaji's CRD and a TCP whose status the test
 * plays Kamaji for; the tenant cluster behind its admin kubeconfig is a real cluster from the testkit.
 * Each test adopts a tenant of its own (in a namespace of its own) with DPUs of its own and removes them:
 * DPUs are placed on any Ready cluster with room, so none may be left for the next test.
 */
class KamajiClusterIT {

  static final String DPU_NS = "dpf-provisioning";
  static final Duration WAIT = Duration.ofSeconds(180);

  @TempDir
  static Path bfbDir;
  static LocalControlPlane host;
  static LocalControlPlane tenant;
  static ManagerFixture manager;

  OwnedObjects owned;

  @BeforeAll
  static void start() throws Exception {
    host = LocalControlPlane.startApiServerOnly("kamaji-host");
    tenant = LocalControlPlane.startApiServerOnly("kamaji-tenant");
    ManagerFixture.prepare(host, DPU_NS);
    host.installCrds(List.of(ApiTypes.crd(TenantControlPlane.class)));
    manager = ManagerFixture.start(host, ManagerFixture.fastSettings(bfbDir));
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.kill();
    }
    if (tenant != null) {
      tenant.close();
    }
    if (host != null) {
      host.close();
    }
  }

  @BeforeEach
  void ownObjects() {
    owned = new OwnedObjects(host.client(), WAIT);
  }

  @AfterEach
  void removeOwnObjects() {
    owned.close();
  }

  @Test
  void adoptsTheTenantControlPlaneFollowingItsReadinessAndHonoursMaxNodes() {
    String name = "tenant-adopted";
    tenantNamespace(name);
    owned.create(DpuClusterIT.dpuCluster(name, name, "kamaji", null, 1));

    awaitCreated(name, "False", KamajiAdoption.TCP_NOT_FOUND, DPUClusterPhase.CREATING);

    TenantControlPlane tcp = KamajiAdoptionTest.tcp("Provisioning", null);
    tcp.getMetadata().setName(name);
    tcp.getMetadata().setNamespace(name);
    tcp.setStatus(null);
    owned.create(tcp);
    setTcpStatus(name, "Provisioning");
    awaitCreated(name, "False", KamajiAdoption.TCP_NOT_READY, DPUClusterPhase.CREATING);

    setTcpStatus(name, "Ready");
    awaitCreated(name, "True", null, DPUClusterPhase.READY);
    assertThat(cluster(name).getSpec().getKubeconfig()).isEqualTo(DpuClusters.secretName(name));
    assertThat(condition(name, ConditionTypes.READY)).map(Condition::getReason)
        .contains(KindReasons.DPUCluster.HEALTH_CHECK_PASSED);

    // Kamaji reporting its control plane down makes an adopted cluster NotReady, not Creating again.
    setTcpStatus(name, "NotReady");
    awaitCreated(name, "False", KamajiAdoption.TCP_NOT_READY, DPUClusterPhase.NOT_READY);
    setTcpStatus(name, "Ready");
    awaitCreated(name, "True", null, DPUClusterPhase.READY);

    // maxNodes 1: the first DPU is allocated to the cluster, the second waits for room.
    dpu("adopted-1");
    await().atMost(WAIT).until(() -> assignedCluster("adopted-1").isPresent());
    assertThat(assignedCluster("adopted-1")).contains(name);
    dpu("adopted-2");
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpuCondition("adopted-2", ConditionTypes.DPU.INITIALIZED))
        .map(Condition::getReason).contains(KindReasons.DPU.DPU_CLUSTER_NOT_READY));
    assertThat(assignedCluster("adopted-2")).isEmpty();
  }

  @Test
  void maxNodesHoldsWhenManyDpusAskForAPlaceAtOnce() {
    String name = "tenant-crowded";
    readyTenant(name, 4);
    List<String> hosts = IntStream.rangeClosed(1, 8).mapToObj(i -> "crowded-" + i).toList();
    for (String hostNode : hosts) {
      hostNode(hostNode);
      owned.ownNode(dpuName(hostNode));
    }
    // All at once: both DPU workers allocate concurrently.
    List<DPU> made = hosts.parallelStream().map(hostNode -> host.client().resource(dpuOn(hostNode)).create()).toList();
    made.forEach(owned::own);

    await().atMost(WAIT).until(() -> assignedCount(name) == 4);
    await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(30)).until(() -> assignedCount(name) == 4);
  }

  // --- each test's own tenant and DPUs

  /**
   * The tenant's namespace and its admin kubeconfig Secret, as Kamaji leaves them. The Secret is
   * removed after the test; the empty namespace stays (an API server alone runs no namespace
   * controller to finish deleting one).
   */
  void tenantNamespace(String name) {
    owned.own(DpuClusters.register(host, name, name, tenant));
  }

  /** A kamaji DPUCluster adopting a TenantControlPlane that Kamaji reports Ready. */
  void readyTenant(String name, int maxNodes) {
    tenantNamespace(name);
    owned.create(DpuClusterIT.dpuCluster(name, name, "kamaji", null, maxNodes));
    TenantControlPlane tcp = KamajiAdoptionTest.tcp("Ready", null);
    tcp.getMetadata().setName(name);
    tcp.getMetadata().setNamespace(name);
    tcp.setStatus(null);
    owned.create(tcp);
    setTcpStatus(name, "Ready");
    awaitCreated(name, "True", null, DPUClusterPhase.READY);
  }

  void hostNode(String name) {
    owned.create(new NodeBuilder().withNewMetadata().withName(name)
        .addToLabels(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, "").endMetadata().build());
  }

  /** A host node and a DPU on it asking for any DPU cluster, owned by the test. */
  void dpu(String hostNode) {
    hostNode(hostNode);
    owned.ownNode(dpuName(hostNode));
    owned.create(dpuOn(hostNode));
  }

  static long assignedCount(String tenant) {
    return host.client().resources(DPU.class).inNamespace(DPU_NS).list().getItems().stream()
        .filter(d -> d.getSpec().getCluster() != null && tenant.equals(d.getSpec().getCluster().getName())).count();
  }

  static void setTcpStatus(String name, String versionStatus) {
    host.client().resources(TenantControlPlane.class).inNamespace(name).withName(name)
        .editStatus(current -> {
          current.setStatus(KamajiAdoptionTest.tcp(versionStatus, null).getStatus());
          return current;
        });
  }

  static void awaitCreated(String name, String status, String reason, DPUClusterPhase phase) {
    await().atMost(WAIT).untilAsserted(() -> {
      DPUCluster cluster = cluster(name);
      assertThat(cluster.getStatus()).isNotNull();
      assertThat(cluster.getStatus().getPhase()).isEqualTo(phase);
      Condition created = condition(name, ConditionTypes.DPUCluster.CREATED).orElseThrow();
      assertThat(created.getStatus()).isEqualTo(status);
      if (reason != null) {
        assertThat(created.getReason()).isEqualTo(reason);
      }
    });
  }

  static DPUCluster cluster(String name) {
    return host.client().resources(DPUCluster.class).inNamespace(name).withName(name).get();
  }

  static Optional<Condition> condition(String name, String type) {
    return cluster(name).getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  static String dpuName(String hostNode) {
    return hostNode + "-0000-03-00";
  }

  static DPU dpuOn(String hostNode) {
    DPU dpu = new DPU();
    dpu.setMetadata(new ObjectMetaBuilder().withName(dpuName(hostNode)).withNamespace(DPU_NS).build());
    DPUSpec spec = new DPUSpec();
    spec.setNodeName(hostNode);
    spec.setPciAddress("0000-03-00");
    spec.setBfb("not-needed-here");
    spec.setDpuFlavor("not-needed-here");
    NodeEffect noEffect = new NodeEffect();
    noEffect.setNoEffect(true);
    spec.setNodeEffect(noEffect);
    spec.setCluster(new DPUClusterReference());
    dpu.setSpec(spec);
    return dpu;
  }

  static DPU observedDpu(String hostNode) {
    return host.client().resources(DPU.class).inNamespace(DPU_NS).withName(dpuName(hostNode)).get();
  }

  static Optional<String> assignedCluster(String hostNode) {
    return Optional.ofNullable(observedDpu(hostNode).getSpec().getCluster()).map(DPUClusterReference::getName);
  }

  static Optional<Condition> dpuCondition(String hostNode, String type) {
    DPU dpu = observedDpu(hostNode);
    return dpu.getStatus() == null || dpu.getStatus().getConditions() == null ? Optional.empty()
        : dpu.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
