package io.dpf.provisioning.dpucluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.provisioning.v1alpha1.DPUClusterSpec;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TcpKubeconfig;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TcpKubeconfigs;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TcpKubernetesResources;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TcpVersionStatus;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TenantControlPlane;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TenantControlPlaneStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class KamajiAdoptionTest {

  static final DPUCluster CLUSTER = cluster();

  @Test
  void noTenantControlPlaneIsNotCreated() {
    KamajiAdoption.Outcome outcome = KamajiAdoption.decide(CLUSTER, null);
    assertThat(outcome.kubeconfigSecret()).isEmpty();
    assertThat(outcome.reason()).isEqualTo("TenantControlPlaneNotFound");
    assertThat(outcome.message()).contains("dpu-cplane-tenant1/dpu-cplane-tenant1");
  }

  @Test
  void tenantControlPlaneNotReadyNamesItsStatus() {
    KamajiAdoption.Outcome outcome = KamajiAdoption.decide(CLUSTER, tcp("Provisioning", null));
    assertThat(outcome.kubeconfigSecret()).isEmpty();
    assertThat(outcome.reason()).isEqualTo("TenantControlPlaneNotReady");
    assertThat(outcome.message()).endsWith("version status is Provisioning");
    assertThat(KamajiAdoption.decide(CLUSTER, tcp(null, null)).message()).endsWith("not reported yet");
  }

  @Test
  void readyTenantControlPlaneIsAdoptedWithItsAdminKubeconfig() {
    assertThat(KamajiAdoption.decide(CLUSTER, tcp("Ready", null)).kubeconfigSecret())
        .contains("dpu-cplane-tenant1-admin-kubeconfig");
    assertThat(KamajiAdoption.decide(CLUSTER, tcp("Ready", "custom-admin")).kubeconfigSecret()).contains("custom-admin");
  }

  static TenantControlPlane tcp(String versionStatus, String adminSecret) {
    TenantControlPlane tcp = new TenantControlPlane();
    tcp.setMetadata(new ObjectMetaBuilder().withName("dpu-cplane-tenant1").withNamespace("dpu-cplane-tenant1").build());
    TenantControlPlaneStatus status = new TenantControlPlaneStatus();
    TcpVersionStatus version = new TcpVersionStatus();
    version.setStatus(versionStatus);
    TcpKubernetesResources resources = new TcpKubernetesResources();
    resources.setVersion(version);
    status.setKubernetesResources(resources);
    if (adminSecret != null) {
      TcpKubeconfig admin = new TcpKubeconfig();
      admin.setSecretName(adminSecret);
      TcpKubeconfigs kubeconfigs = new TcpKubeconfigs();
      kubeconfigs.setAdmin(admin);
      status.setKubeconfig(kubeconfigs);
    }
    tcp.setStatus(status);
    return tcp;
  }

  static DPUCluster cluster() {
    DPUCluster cluster = new DPUCluster();
    cluster.setMetadata(new ObjectMetaBuilder().withName("dpu-cplane-tenant1").withNamespace("dpu-cplane-tenant1").build());
    DPUClusterSpec spec = new DPUClusterSpec();
    spec.setType("kamaji");
    cluster.setSpec(spec);
    return cluster;
  }
}
