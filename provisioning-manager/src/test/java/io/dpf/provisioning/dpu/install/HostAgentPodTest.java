package io.dpf.provisioning.dpu.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostAgentPodTest {

  static final HostAgentSettings SETTINGS = new HostAgentSettings("registry.example.com/provisioning-manager:1.0",
      "dpf-operator-system", HostAgentSettings.DEFAULT_SERVICE_ACCOUNT, List.of("dpf-pull-secret"));

  static DPU dpu(String namespace, String name) {
    DPU dpu = new DPU();
    dpu.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).withUid("uid-" + name).build());
    DPUSpec spec = new DPUSpec();
    spec.setNodeName("worker-1");
    dpu.setSpec(spec);
    return dpu;
  }

  @Test
  void theAgentRunsTheManagersImageInAgentModeOnTheDpusHostWithItsDev() {
    Pod pod = HostAgentPod.render(dpu("tenant-a", "worker-1-0000-4b-00"), SETTINGS,
        new OsInstaller.InstallImage("a.bfb", "b.cfg", "http://10.0.0.5:8090/images/a.bfb/b.cfg"));

    assertThat(pod.getMetadata().getNamespace()).isEqualTo("dpf-operator-system");
    assertThat(pod.getMetadata().getLabels()).containsEntry(HostAgentPod.DPU_UID_LABEL, "uid-worker-1-0000-4b-00");
    assertThat(pod.getSpec().getNodeName()).as("bound to the host, past any taint of the DPU's node effect")
        .isEqualTo("worker-1");
    assertThat(pod.getSpec().getTolerations()).singleElement().satisfies(t -> assertThat(t.getOperator()).isEqualTo("Exists"));
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("dpf-provisioning-host-agent");
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("OnFailure");
    assertThat(pod.getSpec().getImagePullSecrets()).extracting("name").containsExactly("dpf-pull-secret");
    Container agent = pod.getSpec().getContainers().get(0);
    assertThat(agent.getImage()).isEqualTo(SETTINGS.image());
    assertThat(agent.getArgs()).containsExactly("agent", "--dpu=tenant-a/worker-1-0000-4b-00",
        "--image-url=http://10.0.0.5:8090/images/a.bfb/b.cfg", "--rshim-root=/dev");
    assertThat(agent.getEnv()).singleElement().satisfies(env ->
        assertThat(env.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.uid"));
    assertThat(agent.getSecurityContext().getPrivileged()).isTrue();
    assertThat(pod.getSpec().getVolumes()).singleElement()
        .satisfies(v -> assertThat(v.getHostPath().getPath()).isEqualTo("/dev"));
  }

  @Test
  void anHttpsImageEndpointsCertificateGoesAlongForTheAgentToPin() {
    Pod pod = HostAgentPod.render(dpu("tenant-a", "worker-1-0000-4b-00"), SETTINGS,
        new OsInstaller.InstallImage("a.bfb", "b.cfg", "https://10.0.0.5:8090/images/a.bfb/b.cfg", "-----BEGIN CERTIFICATE-----"));

    assertThat(pod.getSpec().getContainers().get(0).getEnv()).anySatisfy(env -> {
      assertThat(env.getName()).isEqualTo(HostAgentPod.IMAGE_CERTIFICATE_ENV);
      assertThat(env.getValue()).startsWith("-----BEGIN CERTIFICATE-----");
    });
  }

  @Test
  void namesAreValidAndKeepDpusOfDifferentNamespacesApart() {
    String a = HostAgentPod.name(dpu("tenant-a", "worker-1-0000-4b-00"));
    String b = HostAgentPod.name(dpu("tenant-b", "worker-1-0000-4b-00"));
    String long1 = HostAgentPod.name(dpu("tenant-a", "a-very-long-host-name.with.dots.example.com-0000-4b-00"));

    assertThat(a).startsWith("rshim-worker-1-0000-4b-00-").isNotEqualTo(b);
    assertThat(List.of(a, b, long1)).allSatisfy(name -> assertThat(name)
        .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63));
  }

  @Test
  void aPodThatHasNotReportedIsDescribedAsAPersonWouldAsk() {
    Pod pulling = new PodBuilder().withNewStatus().withPhase("Pending").addNewContainerStatus().withNewState()
        .withNewWaiting().withReason("ImagePullBackOff").withMessage("pull access denied").endWaiting().endState()
        .endContainerStatus().endStatus().build();
    assertThat(HostAgentInstaller.describe(pulling))
        .isEqualTo("Pending, container waiting: ImagePullBackOff (pull access denied)");
    assertThat(HostAgentInstaller.describe(new Pod())).isEqualTo("not started yet");
  }
}
