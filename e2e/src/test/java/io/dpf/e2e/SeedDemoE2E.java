package io.dpf.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.testkit.ClusterProvider;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's first command as a test: the user's demo script on local clusters, from the seed's
 * DPFOperatorConfig applied verbatim to Ready, what the script then looks at in the DPU cluster,
 * and the clean-up, with the real Argo CD syncing the system DPUServices into the DPU cluster.
 */
class SeedDemoE2E {

  @Test
  void seedConfigBecomesReadyDeploysIntoTheDpuClusterAndCleansUp() {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    try (LocalEnvironment env = LocalEnvironment.start(ClusterProvider.fromSystemProperties());
         PrintStream out = new PrintStream(shown, true, StandardCharsets.UTF_8)) {
      Demo demo = new Demo(env, out);
      try {
        demo.installPrerequisites();
        demo.startManagers();
        long applied = System.nanoTime();
        demo.applySeedConfig();
        assertThat(demo.watchUntilReady(Duration.ofMinutes(4))).as("Ready; shown:\n" + shown).isTrue();
        System.out.printf("%n[figure] seed DPFOperatorConfig applied -> Ready with the real Argo CD: %.1f s; "
            + "Argo CD RSS (kB): %s%n", (System.nanoTime() - applied) / 1e9, demo.argoCd().argoCd().residentKilobytes());

        KubernetesClient host = env.host().client();
        assertThat(host.resources(DPUService.class).inNamespace(Demo.NAMESPACE).list().getItems()).hasSize(7);
        // The seed's last lines: `kubectl --kubeconfig <dpu> get -n dpf-operator-system deployments,daemonsets`.
        KubernetesClient dpu = env.dpu().client();
        assertThat(dpu.apps().daemonSets().inNamespace(Demo.NAMESPACE).list().getItems())
            .extracting(d -> d.getMetadata().getName())
            .contains("flannel", "multus", "sriov-device-plugin", "nvidia-k8s-ipam", "ovs-cni", "sfc-controller");
        assertThat(dpu.apps().daemonSets().inNamespace(Demo.NAMESPACE).list().getItems())
            .allSatisfy(d -> assertThat(ready(d)).as(d.getMetadata().getName() + " ready on the DPU nodes").isTrue());
        assertThat(dpu.apps().deployments().inNamespace(Demo.NAMESPACE).withName("servicechainset-controller").get())
            .isNotNull();
        // Argo CD itself put them there: its tracking annotation names the Application.
        assertThat(dpu.apps().daemonSets().inNamespace(Demo.NAMESPACE).withName("flannel").get().getMetadata()
            .getAnnotations()).hasEntrySatisfying("argocd.argoproj.io/tracking-id",
                id -> assertThat(id).startsWith("dpu-cplane-tenant1-flannel:apps/DaemonSet:"));
        assertThat(shown.toString()).contains("application.argoproj.io/dpu-cplane-tenant1-flannel", "Synced", "Healthy");
        // What `kubectl dpf describe all --expand-resources` shows of the healthy seed flow (times masked).
        assertThat(DescribeGolden.tree(host)).isEqualTo(DescribeGolden.expected("describe/seed-ready.txt"));

        assertThat(demo.cleanUp(Duration.ofMinutes(2))).as("clean-up; shown:\n" + shown).isTrue();
        assertThat(dpu.apps().daemonSets().inNamespace(Demo.NAMESPACE).list().getItems()).isEmpty();
        assertThat(host.apps().deployments().inNamespace(Demo.NAMESPACE).list().getItems()).isEmpty();
      } finally {
        demo.stop();
      }
    }
  }

  private static boolean ready(DaemonSet d) {
    return d.getStatus() != null && d.getStatus().getNumberReady() != null && d.getStatus().getNumberReady() > 0
        && d.getStatus().getNumberReady().equals(d.getStatus().getDesiredNumberScheduled());
  }
}
