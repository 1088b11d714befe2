package io.dpf.cli.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.cli.Fleet;
import io.dpf.cli.read.Kind;
import io.dpf.cli.read.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TreeBuilderTest {

  private static Stream<Node> flatten(Node node) {
    return Stream.concat(Stream.of(node), node.children().stream().flatMap(TreeBuilderTest::flatten));
  }

  private static Optional<Node> find(List<Node> roots, String label) {
    return roots.stream().flatMap(TreeBuilderTest::flatten).filter(n -> n.label().equals(label)).findFirst();
  }

  private static List<String> childLabels(Node node) {
    return node.children().stream().map(Node::label).toList();
  }

  @Test
  void allHangsEverythingUnderTheOperatorConfigInDpfctlsOrder() {
    List<Node> roots = new TreeBuilder(Fleet.snapshot(), false).build(Scope.ALL);

    assertThat(roots).extracting(Node::label).containsExactly("DPFOperatorConfig/dpfoperatorconfig");
    assertThat(childLabels(roots.get(0)))
        .containsExactly("DPUClusters", "DPUDeployments", "DPUServices", "System Components");
    Node deployment = find(roots, "DPUDeployment/vpc-ovn").orElseThrow();
    assertThat(childLabels(deployment)).containsExactly("DPUSets", "Services");
    Node set = find(roots, "DPUSet/vpc-ovn-dpuset1").orElseThrow();
    assertThat(childLabels(set)).containsExactly("BFB/bf-bundle", "DPUs");
    assertThat(set.message()).isEqualTo("DPUs: 1 Error, 3 Ready");
    assertThat(childLabels(find(roots, "System Components").orElseThrow().children().get(0)))
        .containsExactly("DPUService/flannel", "DPUService/multus", "DPUService/sfc-controller");
    // The standalone service is not a system component, and nothing appears twice.
    assertThat(roots.stream().flatMap(TreeBuilderTest::flatten).filter(n -> n.label().equals("DPUService/telemetry")))
        .hasSize(1);
  }

  @Test
  void aDpuInErrorShowsTheFailedStepWithItsReasonAndMessage() {
    Node dpu = find(new TreeBuilder(Fleet.snapshot(), false).build(Scope.ALL), "DPU/worker-4-0000-4b-00").orElseThrow();

    assertThat(dpu.status()).isEqualTo("Ready: False");
    assertThat(dpu.reason()).isEqualTo("Error");
    assertThat(dpu.health()).isEqualTo(Health.FAILED);
    assertThat(dpu.message()).isEqualTo("DPU is in phase Error; OSInstalled (InstallationFailed): attempt 3: "
        + "BMC 10.0.0.4 refused the BFB push: 401 Unauthorized");
  }

  @Test
  void dpfsSummaryMessageIsReplacedByWhatTheConditionsBehindItSay() {
    Node service = find(new TreeBuilder(Fleet.snapshot(), false).build(Scope.ALL), "DPUService/telemetry")
        .orElseThrow();

    assertThat(service.message())
        .isEqualTo("ApplicationsReady: Application dpf-operator-system/dpu-cplane-tenant1-telemetry is Degraded")
        .doesNotContain("The following conditions are not ready");
    assertThat(service.health()).isEqualTo(Health.PENDING);
  }

  @Test
  void aTemplateTheDeploymentNamesButThatDoesNotExistIsAProblemRow() {
    Node missing = find(new TreeBuilder(Fleet.snapshot(), false).build(Scope.ALL),
        "DPUServiceTemplate/ovn-controller").orElseThrow();

    assertThat(missing.type()).isEqualTo(Node.Type.PROBLEM);
    assertThat(missing.status()).isEqualTo("Missing");
    assertThat(missing.health()).isEqualTo(Health.FAILED);
  }

  @Test
  void expandedServicesShowApplicationsWorkloadsAndTheirFailingPods() {
    List<Node> roots = new TreeBuilder(Fleet.snapshot(), true).build(Scope.DPU_SERVICES);
    Node app = find(roots, "Application/dpu-cplane-tenant1-telemetry").orElseThrow();

    assertThat(app.status()).isEqualTo("Synced");
    assertThat(app.reason()).isEqualTo("Degraded");
    assertThat(app.health()).isEqualTo(Health.FAILED);
    // Workloads only (and anything out of sync or unhealthy): the ServiceAccount is not a row.
    assertThat(childLabels(app)).containsExactly("DaemonSet/telemetry");
    Node daemonSet = app.children().get(0);
    assertThat(daemonSet.message()).isEqualTo("0 of 2 ready; DPU cluster: 0/2 ready");
    assertThat(daemonSet.children()).singleElement().satisfies(pod -> {
      assertThat(pod.label()).isEqualTo("Pod/telemetry-abcde");
      assertThat(pod.reason()).isEqualTo("CrashLoopBackOff");
      assertThat(pod.message()).contains("back-off 5m0s restarting failed container=telemetry");
      assertThat(pod.health()).isEqualTo(Health.FAILED);
    });
    // Without --expand-resources the service has no rows under it.
    assertThat(find(new TreeBuilder(Fleet.snapshot(), false).build(Scope.DPU_SERVICES), "DPUService/telemetry")
        .orElseThrow().children()).isEmpty();
  }

  @Test
  void anUnreachableDpuClusterIsARowUnderItsClusterAndItsApplications() {
    List<Node> roots = new TreeBuilder(Fleet.withUnreachableDpuCluster("cannot reach https://10.0.0.9:6443: "
        + "Connection refused"), true).build(Scope.ALL);

    Node cluster = find(roots, "DPUCluster/dpu-cplane-tenant1").orElseThrow();
    assertThat(cluster.children()).singleElement().satisfies(row -> {
      assertThat(row.label()).isEqualTo("DPU cluster dpu-cplane-tenant1");
      assertThat(row.status()).isEqualTo("Unreachable");
      assertThat(row.message()).contains("Connection refused");
      assertThat(row.health()).isEqualTo(Health.FAILED);
    });
    Node app = find(roots, "Application/dpu-cplane-tenant1-telemetry").orElseThrow();
    assertThat(childLabels(app)).containsExactly("DPU cluster dpu-cplane-tenant1", "DaemonSet/telemetry");
  }

  @Test
  void anObjectNobodyReportedOnSaysWhichManagerShould() {
    var cluster = Fleet.load("fleet/fleet.yaml").stream().filter(o -> o.getKind().equals("DPUCluster")).findFirst()
        .orElseThrow();
    cluster.getAdditionalProperties().remove("status");

    Node row = Rows.conditioned(cluster);

    assertThat(row.status()).isEmpty();
    assertThat(row.health()).isEqualTo(Health.PENDING);
    assertThat(row.message()).isEqualTo("no Ready condition reported yet (the provisioning manager reports it: "
        + "is it running?)");
  }

  @Test
  void withoutAnOperatorConfigTheRootSaysSo() {
    var objects = Fleet.byKind(Fleet.load("fleet/fleet.yaml").stream()
        .filter(o -> !o.getKind().equals("DPFOperatorConfig")).toList());
    List<Node> roots = new TreeBuilder(new Snapshot(objects, Map.of(), Map.of()),
        false).build(Scope.ALL);

    assertThat(roots).singleElement().satisfies(root -> {
      assertThat(root.type()).isEqualTo(Node.Type.PROBLEM);
      assertThat(root.message()).startsWith("no DPFOperatorConfig found");
      assertThat(childLabels(root)).contains("DPUClusters", "DPUDeployments");
    });
  }

  @Test
  void aKindThatCouldNotBeListedIsARootRowWithTheServersAnswer() {
    var snapshot = new Snapshot(Fleet.snapshot().objects(), Map.of(
        Kind.DPU_KIND, "dpus.provisioning.dpu.nvidia.com is forbidden: User \"viewer\" cannot list"),
        Map.of());

    List<Node> roots = new TreeBuilder(snapshot, false).build(Scope.DPU_SETS);

    assertThat(roots.get(roots.size() - 1)).satisfies(row -> {
      assertThat(row.label()).isEqualTo("cannot list dpus.provisioning.dpu.nvidia.com");
      assertThat(row.message()).contains("forbidden");
    });
  }
}
