package io.dpf.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterSpec;
import io.dpf.runtime.controller.ResourceKey;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one DPUCluster → kubeconfig rule, with the edge cases its four earlier copies disagreed on. */
class DpuClusterKubeconfigTest {

  @Test
  void theSecretIsSpecKubeconfigElseKamajisNameInTheClustersNamespace() {
    assertThat(DpuClusterKubeconfig.secretOf(cluster("dpu-a", "admin")))
        .isEqualTo(new ResourceKey("dpf", "admin"));
    assertThat(DpuClusterKubeconfig.secretOf(cluster("dpu-a", null)))
        .isEqualTo(new ResourceKey("dpf", "dpu-a-admin-kubeconfig"));
    assertThat(DpuClusterKubeconfig.secretOf(cluster("dpu-a", "  ")))
        .as("blank counts as unset").isEqualTo(new ResourceKey("dpf", "dpu-a-admin-kubeconfig"));
    DPUCluster noSpec = cluster("dpu-b", null);
    noSpec.setSpec(null);
    assertThat(DpuClusterKubeconfig.secretOf(noSpec)).isEqualTo(new ResourceKey("dpf", "dpu-b-admin-kubeconfig"));
  }

  @Test
  void theKubeconfigIsAdminConfInDataOrStringData() {
    String kubeconfig = "apiVersion: v1\nkind: Config\n";
    Secret inData = new SecretBuilder().addToData("admin.conf",
        Base64.getEncoder().encodeToString(kubeconfig.getBytes(StandardCharsets.UTF_8))).build();
    Secret inStringData = new SecretBuilder().addToStringData("admin.conf", kubeconfig).build();
    Secret otherKey = new SecretBuilder().addToStringData("kubeconfig", kubeconfig).build();
    Map<String, Secret> secrets = Map.of("data", inData, "string", inStringData, "other", otherKey);

    assertThat(DpuClusterKubeconfig.of(cluster("x", "data"), key -> secrets.get(key.name())).kubeconfig())
        .contains(kubeconfig);
    assertThat(DpuClusterKubeconfig.of(cluster("x", "string"), key -> secrets.get(key.name())).kubeconfig())
        .contains(kubeconfig);
    DpuClusterKubeconfig wrongKey = DpuClusterKubeconfig.of(cluster("x", "other"), key -> secrets.get(key.name()));
    assertThat(wrongKey.kubeconfig()).isEmpty();
    assertThat(wrongKey.missing()).isEqualTo("kubeconfig Secret dpf/other with key admin.conf not found");
    assertThat(DpuClusterKubeconfig.of(cluster("x", "gone"), key -> null).kubeconfig()).isEmpty();
  }

  private static DPUCluster cluster(String name, String kubeconfig) {
    DPUCluster cluster = new DPUCluster();
    cluster.getMetadata().setName(name);
    cluster.getMetadata().setNamespace("dpf");
    DPUClusterSpec spec = new DPUClusterSpec();
    spec.setKubeconfig(kubeconfig);
    cluster.setSpec(spec);
    return cluster;
  }
}
