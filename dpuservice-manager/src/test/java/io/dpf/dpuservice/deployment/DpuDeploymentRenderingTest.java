package io.dpf.dpuservice.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.api.LabelKeys;
import io.dpf.api.provisioning.v1alpha1.DPUFlavor;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.api.svc.v1alpha1.DPUDeployment;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceConfiguration;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceTemplate;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A DPUDeployment's children, versions and resource fitting, without a cluster. */
class DpuDeploymentRenderingTest {

  static final KubernetesSerialization JSON = new KubernetesSerialization();

  static final DPUDeployment DEPLOYMENT = JSON.unmarshal("""
      apiVersion: svc.dpu.nvidia.com/v1alpha1
      kind: DPUDeployment
      metadata: {name: dep, namespace: ns, uid: u1}
      spec:
        dpus:
          bfb: bfb
          flavor: flavor
          dpuSets: [{nameSuffix: a, dpuAnnotations: {x: y}}, {nameSuffix: b}]
        services:
          fw: {serviceTemplate: fw, serviceConfiguration: fw}
          lb: {serviceTemplate: lb, serviceConfiguration: lb}
        serviceChains:
        - ports:
          - service: {name: fw, interface: net_1}
          - serviceInterface: {matchLabels: {uplink: p0}}
      """, DPUDeployment.class);

  static DPUServiceTemplate template(String name, String cpu) {
    return JSON.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceTemplate
        metadata: {name: %1$s, namespace: ns}
        spec:
          deploymentServiceName: %1$s
          helmChart: {source: {repoURL: "https://h", chart: %1$s, version: "1"}, values: {a: 1, b: 1}}
          resourceRequirements: {cpu: "%2$s"}
        """.formatted(name, cpu), DPUServiceTemplate.class);
  }

  static DPUServiceConfiguration configuration(String name, String b) {
    return JSON.unmarshal("""
        apiVersion: svc.dpu.nvidia.com/v1alpha1
        kind: DPUServiceConfiguration
        metadata: {name: %1$s, namespace: ns}
        spec:
          deploymentServiceName: %1$s
          serviceConfiguration: {helmChart: {values: {b: %2$s}}, serviceDaemonSet: {labels: {team: t}}}
          interfaces: [{name: net_1, network: mybrsfc}]
        """.formatted(name, b), DPUServiceConfiguration.class);
  }

  static DpuDeploymentInputs inputs(String lbValue) {
    return new DpuDeploymentInputs(DEPLOYMENT, null, Map.of("fw", template("fw", "1"), "lb", template("lb", "1")),
        Map.of("fw", configuration("fw", "2"), "lb", configuration("lb", lbValue)));
  }

  @Test
  void everyChildIsOwnedAndNamedAfterTheDeployment() {
    List<HasMetadata> children = DpuDeploymentChildren.render(inputs("2"));

    assertThat(children).extracting(c -> c.getKind() + "/" + c.getMetadata().getName()).containsExactly(
        "DPUServiceInterface/dep-fw-net-1", "DPUService/dep-fw", "DPUServiceInterface/dep-lb-net-1", "DPUService/dep-lb",
        "DPUServiceChain/dep", "DPUSet/dep-a", "DPUSet/dep-b");
    assertThat(children).allSatisfy(child -> {
      assertThat(child.getMetadata().getLabels()).containsEntry(LabelKeys.OWNED_BY_DPU_DEPLOYMENT, "ns_dep");
      assertThat(child.getMetadata().getOwnerReferences()).singleElement()
          .satisfies(ref -> assertThat(ref.getUid()).isEqualTo("u1"));
    });
  }

  @Test
  void serviceMergesConfigurationValuesOverTemplateValuesAndSelectsItsVersionedNodes() {
    DPUService fw = DpuDeploymentChildren.service(inputs("2"), "fw");
    DPUServiceInterface iface = DpuDeploymentChildren.interfaces(inputs("2"), "fw").get(0);

    assertThat(fw.getSpec().getHelmChart().getValues().at("/a").asInt()).isEqualTo(1);
    assertThat(fw.getSpec().getHelmChart().getValues().at("/b").asInt()).isEqualTo(2);
    assertThat(fw.getSpec().getServiceID()).isEqualTo("dpudeployment_dep_fw");
    assertThat(fw.getSpec().getServiceDaemonSet().getLabels()).containsEntry("team", "t");
    assertThat(fw.getSpec().getServiceDaemonSet().getNodeSelector().getNodeSelectorTerms().get(0).getMatchExpressions())
        .singleElement().satisfies(e -> {
          assertThat(e.getKey()).isEqualTo("svc.dpu.nvidia.com/dpuservice-fw-version");
          assertThat(e.getValues()).containsExactly(DpuDeploymentChildren.serviceVersion(inputs("2"), "fw"));
        });
    assertThat(iface.getSpec().getTemplate().getSpec().getTemplate().getSpec().getService().getServiceID())
        .isEqualTo("dpudeployment_dep_fw");
    assertThat(iface.getSpec().getTemplate().getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry(LabelKeys.INTERFACE, "net_1");
  }

  @Test
  void aChangeToOneServiceChangesOnlyItsVersionLabelOnTheDpuSets() {
    Map<String, String> before = DpuDeploymentChildren.dpuSets(inputs("2")).get(0).getSpec().getDpuTemplate().getSpec()
        .getCluster().getNodeLabels();
    Map<String, String> after = DpuDeploymentChildren.dpuSets(inputs("3")).get(0).getSpec().getDpuTemplate().getSpec()
        .getCluster().getNodeLabels();

    assertThat(after.get(LabelKeys.dpuServiceVersion("lb"))).isNotEqualTo(before.get(LabelKeys.dpuServiceVersion("lb")));
    assertThat(after.get(LabelKeys.dpuServiceVersion("fw"))).isEqualTo(before.get(LabelKeys.dpuServiceVersion("fw")));
    assertThat(after.get(LabelKeys.DPU_SERVICE_CHAIN_VERSION)).isEqualTo(before.get(LabelKeys.DPU_SERVICE_CHAIN_VERSION));
    DPUSet set = DpuDeploymentChildren.dpuSets(inputs("2")).get(0);
    assertThat(set.getSpec().getDpuTemplate().getAnnotations()).containsEntry("x", "y");
    assertThat(set.getSpec().getDpuTemplate().getSpec().getDpuFlavor()).isEqualTo("flavor");
  }

  @Test
  void chainPortsOfServicesMatchTheGeneratedInterfaceLabels() {
    DPUServiceChain chain = DpuDeploymentChildren.chain(inputs("2"));
    var ports = chain.getSpec().getTemplate().getSpec().getTemplate().getSpec().getSwitches().get(0).getPorts();

    assertThat(ports.get(0).getServiceInterface().getMatchLabels())
        .containsExactlyInAnyOrderEntriesOf(Map.of(LabelKeys.INTERFACE, "net_1", LabelKeys.SERVICE_ID, "dpudeployment_dep_fw"));
    assertThat(ports.get(1).getServiceInterface().getMatchLabels()).containsExactly(Map.entry("uplink", "p0"));
    assertThat(chain.getSpec().getTemplate().getSpec().getNodeSelector().getMatchLabels())
        .containsKey(LabelKeys.DPU_SERVICE_CHAIN_VERSION);
  }

  @Test
  void servicesFitWhenTheirSumStaysWithinTheFlavorLessItsReservation() {
    DPUFlavor flavor = JSON.unmarshal("""
        apiVersion: provisioning.dpu.nvidia.com/v1alpha1
        kind: DPUFlavor
        metadata: {name: f}
        spec: {dpuResources: {cpu: "8"}, systemReservedResources: {cpu: "2"}}
        """, DPUFlavor.class);

    assertThat(ResourceFitting.misfits(flavor.getSpec(), List.of(template("a", "3"), template("b", "3")))).isEmpty();
    assertThat(ResourceFitting.misfits(flavor.getSpec(), List.of(template("a", "3"), template("b", "3500m"))))
        .containsExactly("cpu: services need 6.5, the flavor has 6 after system reservations");
    assertThat(ResourceFitting.misfits(null, List.of(template("a", "300")))).isEmpty();
  }
}
