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
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A DPUCluster of type kamaji adopting an existing TenantControlPlane (the seed's
 * {@code dpu-cplane-tenant1}): the host API server has Kamaji's CRD and a TCP whose status the test
 * plays Kamaji for; the tenant cluster behind its admin kubeconfig is a real cluster from the testkit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KamajiClusterIT {

  static final String TENANT = "dpu-cplane-tenant1";
  static final String DPU_NS = "dpf-provisioning";
  static final Duration WAIT = Duration.ofSeconds(180);

  static LocalControlPlane host;
  static LocalControlPlane tenant;
  static ManagerFixture manager;

  @BeforeAll
  static void start() throws Exception {
    host = LocalControlPlane.startApiServerOnly("kamaji-host");
    tenant = LocalControlPlane.startApiServerOnly("kamaji-tenant");
    ManagerFixture.prepare(host, DPU_NS);
    host.installCrds(List.of(ApiTypes.crd(TenantControlPlane.class)));
    DpuClusters.register(host, TENANT, TENANT, tenant);
    manager = ManagerFixture.start(host, ManagerFixture.fastSettings(Files.createTempDirectory("bfb-volume")));
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

  @Test
  @Order(1)
  void adoptsTheTenantControlPlaneFollowingItsReadinessAndHonoursMaxNodes() {
    KubernetesClient client = host.client();
    client.resource(DpuClusterIT.dpuCluster(TENANT, TENANT, "kamaji", null, 1)).create();

    awaitCreated("False", KamajiAdoption.TCP_NOT_FOUND, DPUClusterPhase.CREATING);

    TenantControlPlane tcp = KamajiAdoptionTest.tcp("Provisioning", null);
    tcp.setStatus(null);
    client.resource(tcp).create();
    setTcpStatus("Provisioning");
    awaitCreated("False", KamajiAdoption.TCP_NOT_READY, DPUClusterPhase.CREATING);

    setTcpStatus("Ready");
    awaitCreated("True", null, DPUClusterPhase.READY);
    assertThat(cluster().getSpec().getKubeconfig()).isEqualTo(DpuClusters.secretName(TENANT));
    assertThat(condition(ConditionTypes.READY)).map(Condition::getReason)
        .contains(KindReasons.DPUCluster.HEALTH_CHECK_PASSED);

    // Kamaji reporting its control plane down makes an adopted cluster NotReady, not Creating again.
    setTcpStatus("NotReady");
    awaitCreated("False", KamajiAdoption.TCP_NOT_READY, DPUClusterPhase.NOT_READY);
    setTcpStatus("Ready");
    awaitCreated("True", null, DPUClusterPhase.READY);

    // maxNodes 1: the first DPU is allocated to the cluster, the second waits for room.
    for (String hostNode : List.of("worker-1", "worker-2")) {
      client.nodes().resource(new NodeBuilder().withNewMetadata().withName(hostNode)
          .addToLabels(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, "").endMetadata().build()).create();
    }
    client.resource(dpu("worker-1")).create();
    await().atMost(WAIT).until(() -> assignedCluster("worker-1").isPresent());
    assertThat(assignedCluster("worker-1")).contains(TENANT);
    client.resource(dpu("worker-2")).create();
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpuCondition("worker-2", ConditionTypes.DPU.INITIALIZED))
        .map(Condition::getReason).contains(KindReasons.DPU.DPU_CLUSTER_NOT_READY));
    assertThat(assignedCluster("worker-2")).isEmpty();
  }

  @Test
  @Order(2)
  void maxNodesHoldsWhenManyDpusAskForAPlaceAtOnce() {
    KubernetesClient client = host.client();
    await().atMost(WAIT).until(() -> assignedCluster("worker-1").isPresent());
    client.resources(DPUCluster.class).inNamespace(TENANT).withName(TENANT).edit(cluster -> {
      cluster.getSpec().setMaxNodes(4);
      return cluster;
    });
    List<String> hosts = java.util.stream.IntStream.rangeClosed(3, 10).mapToObj(i -> "worker-" + i).toList();
    for (String hostNode : hosts) {
      client.nodes().resource(new NodeBuilder().withNewMetadata().withName(hostNode)
          .addToLabels(LabelKeys.DPU_OOB_BRIDGE_CONFIGURED, "").endMetadata().build()).create();
    }
    // All at once: both DPU workers allocate concurrently.
    hosts.parallelStream().forEach(hostNode -> client.resource(dpu(hostNode)).create());

    await().atMost(WAIT).until(() -> assignedCount() == 4);
    await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(30)).until(() -> assignedCount() == 4);
  }

  static long assignedCount() {
    return host.client().resources(DPU.class).inNamespace(DPU_NS).list().getItems().stream()
        .filter(d -> d.getSpec().getCluster() != null && TENANT.equals(d.getSpec().getCluster().getName())).count();
  }

  static void setTcpStatus(String versionStatus) {
    host.client().resources(TenantControlPlane.class).inNamespace(TENANT).withName(TENANT)
        .editStatus(current -> {
          current.setStatus(KamajiAdoptionTest.tcp(versionStatus, null).getStatus());
          return current;
        });
  }

  static void awaitCreated(String status, String reason, DPUClusterPhase phase) {
    await().atMost(WAIT).untilAsserted(() -> {
      DPUCluster cluster = cluster();
      assertThat(cluster.getStatus()).isNotNull();
      assertThat(cluster.getStatus().getPhase()).isEqualTo(phase);
      Condition created = condition(ConditionTypes.DPUCluster.CREATED).orElseThrow();
      assertThat(created.getStatus()).isEqualTo(status);
      if (reason != null) {
        assertThat(created.getReason()).isEqualTo(reason);
      }
    });
  }

  static DPUCluster cluster() {
    return host.client().resources(DPUCluster.class).inNamespace(TENANT).withName(TENANT).get();
  }

  static Optional<Condition> condition(String type) {
    return cluster().getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  static DPU dpu(String hostNode) {
    DPU dpu = new DPU();
    dpu.setMetadata(new ObjectMetaBuilder().withName(hostNode + "-0000-03-00").withNamespace(DPU_NS).build());
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
    return host.client().resources(DPU.class).inNamespace(DPU_NS).withName(hostNode + "-0000-03-00").get();
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
