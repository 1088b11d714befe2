package io.dpf.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void namesFollowDpf() {
    assertThat(Names.application("dpu-cplane-tenant1", "doca-hbn")).isEqualTo("dpu-cplane-tenant1-doca-hbn");
    assertThat(Names.dpu("OCP-Worker-1", "0000-4b-00")).isEqualTo("ocp-worker-1-0000-4b-00");
    assertThat(Names.adminKubeconfigSecret("dpu-cplane-tenant1")).isEqualTo("dpu-cplane-tenant1-admin-kubeconfig");
    assertThat(Names.bfbFileName("dpf-operator-system", "bf-bundle")).isEqualTo("dpf-operator-system-bf-bundle.bfb");
    assertThat(Names.bfCfgFile("w1-0000-4b-00")).isEqualTo("w1-0000-4b-00.cfg");
    assertThat(Names.dpuDeploymentInterface("hbn", "doca-hbn", "p0_if")).isEqualTo("hbn-doca-hbn-p0-if");
    assertThat(Names.dpuDeploymentServiceId("hbn", "doca-hbn")).isEqualTo("dpudeployment_hbn_doca-hbn");
    assertThat(Names.applySetParent("flannel")).isEqualTo("flannel-applyset");
  }

  @Test
  void applySetIdIsTheKepHash() {
    // sha256("flannel-applyset.dpf-operator-system.Secret.") in unpadded base64url, per the ApplySet KEP.
    assertThat(Names.applySetId("flannel-applyset", "dpf-operator-system"))
        .matches("applyset-[A-Za-z0-9_-]{43}-v1")
        .isEqualTo(Names.applySetId("flannel-applyset", "dpf-operator-system"))
        .isNotEqualTo(Names.applySetId("multus-applyset", "dpf-operator-system"));
  }

  @Test
  void patternsAcceptWhatDpfAcceptsAndRefuseTheRest() {
    assertThat(matches(ApiPatterns.IMAGE, "nvcr.io/nvidia/doca/dpf-system:v25.1.0")).isTrue();
    assertThat(matches(ApiPatterns.IMAGE, "localhost:5000/dpf@sha256:" + "a".repeat(64))).isTrue();
    assertThat(matches(ApiPatterns.IMAGE, "Not An Image")).isFalse();
    assertThat(matches(ApiPatterns.BFB_URL, "https://example.com/bf-bundle.bfb")).isTrue();
    assertThat(matches(ApiPatterns.BFB_URL, "ftp://example.com/bf-bundle.bfb")).isFalse();
    assertThat(matches(ApiPatterns.HELM_CHART, "oci://ghcr.io/nvidia/dpu-networking:v25.1.0")).isTrue();
    assertThat(matches(ApiPatterns.HELM_CHART, "ghcr.io/nvidia/dpu-networking:v25.1.0")).isFalse();
    assertThat(matches(ApiPatterns.DPU_CLUSTER_TYPE, "example.com/mine")).isTrue();
    assertThat(matches(ApiPatterns.DPU_CLUSTER_TYPE, "mine")).isFalse();
    assertThat(matches(ApiPatterns.GO_DURATION, "1h30m")).isTrue();
    assertThat(matches(ApiPatterns.IPV4_CIDR, "10.0.0.0/33")).isFalse();
  }

  private static boolean matches(String regex, String value) {
    return Pattern.compile(regex).matcher(value).find();
  }
}
