package io.dpf.operator.ovn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfig;
import io.dpf.operator.OperatorTestSupport;
import io.dpf.runtime.manager.Manager;
import io.dpf.testkit.DpuClusters;
import io.dpf.testkit.LocalControlPlane;
import io.dpf.testkit.WriteCounter;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's hostNetworkConfiguration, with OVN-Kubernetes reconcile on, against a stand-in OpenShift. */
class OvnKubernetesIT {

  static final Duration WAIT = Duration.ofSeconds(120);
  static LocalControlPlane host;
  static LocalControlPlane dpu;
  static Manager operator;
  static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    host = LocalControlPlane.start("ovn-host");
    dpu = LocalControlPlane.start("ovn-dpu");
    client = host.client();
    OperatorTestSupport.prepareHost(host);
    host.addNode("worker-1", Map.of("node-role.kubernetes.io/worker", ""));
    dpu.addNode("dpu-worker-1", Map.of("node-role.kubernetes.io/worker", ""));
    DpuClusters.register(host, "dpu-cplane-tenant1", "dpu-cplane-tenant1", dpu);
    installOpenShiftNetworking();
    operator = OperatorTestSupport.startOperator(host, new WriteCounter());
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
    dpu.close();
    host.close();
  }

  /** What OpenShift's installer and network operator leave on a cluster, as far as DPF touches it. */
  static void installOpenShiftNetworking() throws Exception {
    host.installCrds(Path.of(OvnKubernetesIT.class.getResource("/openshift/clusterversions.config.openshift.io.yaml").toURI()));
    for (String ns : List.of("openshift-ovn-kubernetes", "openshift-network-operator")) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
    }
    client.genericKubernetesResources("config.openshift.io/v1", "ClusterVersion").resource(
        client.getKubernetesSerialization().unmarshal("apiVersion: config.openshift.io/v1\nkind: ClusterVersion\n"
            + "metadata: {name: version}\nspec:\n  clusterID: abc\n  overrides:\n"
            + "  - {kind: Deployment, group: apps, name: other, namespace: elsewhere, unmanaged: true}\n",
            GenericKubernetesResource.class)).create();
    client.apps().deployments().resource(new DeploymentBuilder().withNewMetadata().withName("network-operator")
        .withNamespace("openshift-network-operator").endMetadata().withNewSpec().withReplicas(1)
        .withNewSelector().addToMatchLabels("name", "network-operator").endSelector().withNewTemplate()
        .withNewMetadata().addToLabels("name", "network-operator").endMetadata().withNewSpec()
        .addNewContainer().withName("network-operator").withImage("quay.io/openshift/cno:4.14").endContainer()
        .endSpec().endTemplate().endSpec().build()).create();
    client.admissionRegistration().v1().validatingWebhookConfigurations().resource(
        new ValidatingWebhookConfigurationBuilder().withNewMetadata().withName("network-node-identity.openshift.io")
            .endMetadata().addNewWebhook().withName("node.network-node-identity.openshift.io")
            .withAdmissionReviewVersions("v1").withSideEffects("None").withFailurePolicy("Ignore")
            .withNewClientConfig().withUrl("https://127.0.0.1:1/node").endClientConfig()
            .addNewRule().withApiGroups("example.invalid").withApiVersions("v1").withResources("none")
                .withOperations("UPDATE").endRule()
            .endWebhook().build()).create();
    client.configMaps().resource(FakeOpenShift.ovnkubeConfig()).create();
    client.configMaps().resource(FakeOpenShift.ovnkubeScriptLib()).create();
    client.apps().daemonSets().resource(FakeOpenShift.ovnkubeNode()).create();
    client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("cluster-config-v1")
        .withNamespace("kube-system").endMetadata()
        .addToData("install-config", "networking:\n  machineNetwork:\n  - cidr: 10.0.96.0/20\n").build()).create();
    for (String worker : List.of("worker-0", "worker-1")) {
      // A merge patch carries no resourceVersion: KWOK's heartbeats update the Node meanwhile.
      client.nodes().withName(worker).patch(PatchContext.of(
          PatchType.JSON_MERGE),
          "{\"metadata\":{\"annotations\":{\"k8s.ovn.org/node-chassis-id\":\"chassis-" + worker + "\"}}}");
    }
  }

  @Test
  void workersMoveToTheCustomOvnKubernetesAndDeletionRemovesWhatWasCreated() {
    DPFOperatorConfig config = OperatorTestSupport.seedConfig(client);
    config.getSpec().getOverrides().setDisableOVNKubernetesReconcile(false);
    client.resource(config).create();

    await().atMost(WAIT).untilAsserted(() -> {
      DaemonSet custom = client.apps().daemonSets().inNamespace("openshift-ovn-kubernetes").withName("ovnkube-node-dpf").get();
      assertThat(custom).isNotNull();
      assertThat(CniProvisioners.ready(custom)).as("custom ovnkube-node ready on the workers").isTrue();
    });
    GenericKubernetesResource version = client.genericKubernetesResources("config.openshift.io/v1", "ClusterVersion")
        .withName("version").get();
    assertThat(version.<List<Map<String, Object>>>get("spec", "overrides")).extracting(o -> o.get("name"))
        .containsExactly("other", "network-operator");
    assertThat(client.apps().deployments().inNamespace("openshift-network-operator").withName("network-operator").get()
        .getSpec().getReplicas()).isZero();
    assertThat(client.admissionRegistration().v1().validatingWebhookConfigurations()
        .withName("network-node-identity.openshift.io").get()).isNull();
    assertThat(client.nodes().withLabel("node-role.kubernetes.io/worker").list().getItems()).allSatisfy(n -> {
      assertThat(n.getMetadata().getLabels()).containsKey("dpf.nvidia.com/network-preconfig-ready");
      assertThat(n.getMetadata().getAnnotations()).doesNotContainKey("k8s.ovn.org/node-chassis-id");
    });
    assertThat(dpu.client().apps().daemonSets().inNamespace("dpf-operator-system").withName("dpu-cni-provisioner").get())
        .isNotNull();
    assertThat(client.configMaps().inNamespace("openshift-ovn-kubernetes").withName("ovnkube-script-lib-dpf").get()
        .getData().get("ovnkube-lib.sh")).contains("tcp:10.100.1.1:8500");

    client.resource(config).delete();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(client.resources(DPFOperatorConfig.class).inNamespace("dpf-operator-system").list().getItems()).isEmpty();
      assertThat(client.apps().daemonSets().inNamespace("openshift-ovn-kubernetes").withName("ovnkube-node-dpf").get()).isNull();
      assertThat(client.apps().daemonSets().inNamespace("dpf-operator-system").withName("host-cni-provisioner").get()).isNull();
      assertThat(dpu.client().apps().daemonSets().inNamespace("dpf-operator-system").withName("dpu-cni-provisioner").get())
          .isNull();
    });
  }
}
