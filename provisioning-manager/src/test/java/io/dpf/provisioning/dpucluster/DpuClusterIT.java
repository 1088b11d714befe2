package io.dpf.provisioning.dpucluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterPhase;
import io.dpf.api.provisioning.v1alpha1.DPUClusterSpec;
import io.dpf.provisioning.ManagerFixture;
import io.dpf.provisioning.dpucluster.join.BootstrapToken;
import io.dpf.provisioning.dpucluster.join.CaCertHash;
import io.dpf.provisioning.dpucluster.join.JoinCredentials;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.OwnedObjects;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DPUClusters against real clusters: a host API server running the manager, and a separate DPU
 * cluster from the testkit whose kube-controller-manager runs bootstrapsigner and tokencleaner.
 * Each test removes the DPUCluster and the bootstrap tokens it caused, so either runs first or alone.
 */
class DpuClusterIT {

  static final String NS = "dpf-provisioning";
  static final String STATIC_CLUSTER = "dpu-static";
  static final Duration WAIT = Duration.ofSeconds(180);

  @TempDir
  static Path bfbDir;
  static LocalControlPlane host;
  static LocalControlPlane dpuCluster;
  static ManagerFixture manager;

  OwnedObjects owned;
  /** The bootstrap tokens in the DPU cluster before the test: the others are the test's own. */
  Set<String> tokensBefore;

  @BeforeAll
  static void start() throws Exception {
    host = LocalControlPlane.startApiServerOnly("dpucluster-host");
    dpuCluster = LocalControlPlane.start("dpucluster-dpu");
    ManagerFixture.prepare(host, NS);
    manager = ManagerFixture.start(host, ManagerFixture.fastSettings(bfbDir));
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.kill();
    }
    if (dpuCluster != null) {
      dpuCluster.close();
    }
    if (host != null) {
      host.close();
    }
  }

  @BeforeEach
  void ownObjects() {
    owned = new OwnedObjects(host.client(), WAIT);
    tokensBefore = managedTokens().stream().map(BootstrapToken::id).collect(Collectors.toSet());
  }

  @AfterEach
  void removeOwnObjectsAndTokens() {
    owned.close();
    dpuCluster.client().secrets().inNamespace(BootstrapToken.NAMESPACE).withLabel(BootstrapToken.MANAGED_LABEL, "true")
        .list().getItems().stream()
        .filter(secret -> BootstrapToken.fromSecret(secret).map(t -> !tokensBefore.contains(t.id())).orElse(false))
        .forEach(secret -> dpuCluster.client().resource(secret).delete());
  }

  @Test
  void healthyStaticClusterGetsABootstrapTokenThatSignsClusterInfoAndAuthenticates() {
    ensureClusterInfo(dpuCluster.client());
    owned.own(DpuClusters.register(host, NS, STATIC_CLUSTER, dpuCluster));
    owned.create(dpuCluster(STATIC_CLUSTER, NS, "static", DpuClusters.secretName(STATIC_CLUSTER), 10));

    await().atMost(WAIT).until(() -> phase(STATIC_CLUSTER) == DPUClusterPhase.READY);
    BootstrapToken token = await().atMost(WAIT).until(() -> ownTokens().stream().findFirst().orElse(null),
        t -> t != null);
    assertThat(token.expiration()).isAfter(Instant.now().plus(JoinCredentials.ROTATE_BEFORE));

    // The cluster's own bootstrapsigner accepted the Secret as a signing token.
    await().atMost(WAIT).untilAsserted(() -> assertThat(dpuCluster.client().configMaps().inNamespace("kube-public")
        .withName("cluster-info").get().getData()).containsKey("jws-kubeconfig-" + token.id()));

    // The API server authenticates it: forbidden (no kubeadm RBAC here), not unauthorized, as the bootstrap user.
    Config asToken = new ConfigBuilder(dpuCluster.client().getConfiguration()).withOauthToken(token.token())
        .withClientCertData(null).withClientKeyData(null).withClientCertFile(null).withClientKeyFile(null).build();
    try (KubernetesClient bootstrapper = new KubernetesClientBuilder().withConfig(asToken).build()) {
      KubernetesClientException denied = catchThrowableOfType(
          () -> bootstrapper.pods().inNamespace("default").list(), KubernetesClientException.class);
      assertThat(denied.getCode()).isEqualTo(403);
      assertThat(denied.getMessage()).contains("system:bootstrap:" + token.id());
    }

    // The join command bf.cfg gets: the same token, the DPU cluster's endpoint and its CA's key hash.
    String caPem = new String(Base64.getDecoder().decode(dpuCluster.client().getConfiguration().getCaCertData()),
        StandardCharsets.US_ASCII);
    String join = new JoinCredentials(Clock.systemUTC()).joinCommand(dpuCluster.client());
    assertThat(join).isEqualTo(JoinCredentials.command(
        JoinCredentials.endpoint(dpuCluster.client().getConfiguration().getMasterUrl()), token, CaCertHash.of(caPem)));
    assertThat(ownTokens()).hasSize(1);
  }

  @Test
  void tokenCloseToExpiryIsRotatedAndTheOldOneKept() {
    KubernetesClient dpu = dpuCluster.client();
    // A clock 13 hours ahead sees every 24-hour token inside the rotation window.
    Clock later = Clock.offset(Clock.systemUTC(), JoinCredentials.LIFETIME.minus(JoinCredentials.ROTATE_BEFORE).plusHours(1));
    BootstrapToken current = new JoinCredentials(Clock.systemUTC()).ensureToken(dpu);
    BootstrapToken rotated = new JoinCredentials(later).ensureToken(dpu);
    assertThat(rotated.id()).isNotEqualTo(current.id());
    assertThat(rotated.expiration()).isAfter(current.expiration());
    // A DPU still installing with the older token can join until it expires.
    assertThat(managedTokens()).extracting(BootstrapToken::id).contains(current.id(), rotated.id());
    assertThat(new JoinCredentials(later).ensureToken(dpu)).isEqualTo(rotated);
  }

  /** The tokens made since the test began. */
  List<BootstrapToken> ownTokens() {
    return managedTokens().stream().filter(t -> !tokensBefore.contains(t.id())).toList();
  }

  static List<BootstrapToken> managedTokens() {
    return dpuCluster.client().secrets().inNamespace(BootstrapToken.NAMESPACE)
        .withLabel(BootstrapToken.MANAGED_LABEL, "true").list().getItems().stream()
        .map(BootstrapToken::fromSecret).flatMap(Optional::stream).toList();
  }

  static DPUClusterPhase phase(String name) {
    DPUCluster cluster = host.client().resources(DPUCluster.class).inNamespace(NS).withName(name).get();
    return cluster == null || cluster.getStatus() == null ? null : cluster.getStatus().getPhase();
  }

  static DPUCluster dpuCluster(String name, String namespace, String type, String kubeconfigSecret, int maxNodes) {
    DPUCluster cluster = new DPUCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    DPUClusterSpec spec = new DPUClusterSpec();
    spec.setType(type);
    spec.setMaxNodes(maxNodes);
    spec.setVersion("v1.31.0");
    spec.setKubeconfig(kubeconfigSecret);
    cluster.setSpec(spec);
    return cluster;
  }

  /**
   * kubeadm init makes kube-public/cluster-info (server and CA, no credentials) for joining nodes to
   * discover the cluster; the testkit's control plane has no kubeadm, so the test makes it.
   */
  static void ensureClusterInfo(KubernetesClient dpu) {
    if (dpu.configMaps().inNamespace("kube-public").withName("cluster-info").get() != null) {
      return;
    }
    Config config = dpu.getConfiguration();
    String kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- name: \"\"\n  cluster:\n"
        + "    certificate-authority-data: " + config.getCaCertData() + "\n    server: " + config.getMasterUrl() + "\n"
        + "contexts: []\ncurrent-context: \"\"\nusers: []\npreferences: {}\n";
    ConfigMap clusterInfo = new ConfigMapBuilder().withNewMetadata().withName("cluster-info").withNamespace("kube-public")
        .endMetadata().addToData("kubeconfig", kubeconfig).build();
    dpu.configMaps().resource(clusterInfo).create();
  }
}
