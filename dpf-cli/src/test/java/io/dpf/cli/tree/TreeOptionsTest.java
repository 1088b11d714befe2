package io.dpf.cli.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.cli.Fleet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TreeOptionsTest {

  private static List<Node> tree(TreeOptions options, Scope scope) {
    return options.apply(new TreeBuilder(Fleet.snapshot(), true).build(scope));
  }

  private static Stream<Node> flatten(Node node) {
    return Stream.concat(Stream.of(node), node.children().stream().flatMap(TreeOptionsTest::flatten));
  }

  private static List<String> labels(List<Node> roots) {
    return roots.stream().flatMap(TreeOptionsTest::flatten).map(Node::label).toList();
  }

  @Test
  void healthySiblingsFoldIntoOneRowNamingThemAndAFailingOneStandsAlone() {
    List<Node> roots = tree(new TreeOptions(List.of(), false, true), Scope.DPU_SETS);

    Node dpus = roots.get(0).children().get(1);
    assertThat(dpus.children()).extracting(Node::label).containsExactly("3 DPUs...", "DPU/worker-4-0000-4b-00");
    Node group = dpus.children().get(0);
    assertThat(group.type()).isEqualTo(Node.Type.GROUP);
    assertThat(group.message()).isEqualTo("See worker-1-0000-4b-00, worker-2-0000-4b-00, worker-3-0000-4b-00");
    assertThat(group.since()).as("the latest change of the group").hasToString("2026-12-01T12:00:00Z");
  }

  @Test
  void unhealthySiblingsFoldOnlyWhenTheySayTheSame() {
    Node a = pending("a", "no Ready condition reported yet");
    Node b = pending("b", "no Ready condition reported yet");
    Node c = pending("c", "Application x is Degraded");

    List<Node> folded = TreeOptions.group(List.of(a, b, c));

    assertThat(folded).extracting(Node::label).containsExactly("2 DPUServices...", "DPUService/c");
    assertThat(folded.get(0).message()).isEqualTo("a, b: no Ready condition reported yet");
    assertThat(folded.get(0).health()).isEqualTo(Health.PENDING);
  }

  private static Node pending(String name, String message) {
    return new Node(Node.Type.OBJECT, "DPUService", name, "ns", "", "", null, message, Health.PENDING, List.of(),
        List.of(), List.of());
  }

  @Test
  void groupingOffListsEachObject() {
    List<Node> roots = tree(new TreeOptions(List.of(), false, false), Scope.DPU_SETS);

    assertThat(labels(roots)).contains("DPU/worker-1-0000-4b-00", "DPU/worker-2-0000-4b-00",
        "DPU/worker-3-0000-4b-00", "DPU/worker-4-0000-4b-00").noneMatch(l -> l.endsWith("..."));
  }

  @Test
  void issuesKeepOnlyUnhealthyRowsAndThePathToThem() {
    List<Node> roots = tree(new TreeOptions(List.of(), true, true), Scope.ALL);

    assertThat(labels(roots)).containsExactly(
        "DPFOperatorConfig/dpfoperatorconfig",
        "DPUDeployments", "DPUDeployment/vpc-ovn", "DPUSets", "DPUSet/vpc-ovn-dpuset1", "DPUs",
        "DPU/worker-4-0000-4b-00",
        "Services", "DPUServiceTemplates", "DPUServiceTemplate/ovn-controller",
        "DPUServices", "DPUService/telemetry", "Application/dpu-cplane-tenant1-telemetry", "DaemonSet/telemetry",
        "Pod/telemetry-abcde");
  }

  @Test
  void conditionsOfTheNamedObjectBecomeRowsAndAreNeverFoldedAway() {
    List<Node> roots = tree(new TreeOptions(List.of("dpus/worker-1-0000-4b-00"), false, true), Scope.DPU_SETS);

    Node dpu = roots.stream().flatMap(TreeOptionsTest::flatten)
        .filter(n -> n.label().equals("DPU/worker-1-0000-4b-00")).findFirst().orElseThrow();
    assertThat(dpu.children()).extracting(Node::label).containsExactly("Ready");
    assertThat(dpu.children().get(0).type()).isEqualTo(Node.Type.CONDITION);
    assertThat(labels(roots)).contains("2 DPUs...");
  }

  @Test
  void showConditionsMatchesKindsAndAll() {
    TreeOptions byKind = new TreeOptions(List.of("DPUService"), false, true);
    TreeOptions all = new TreeOptions(List.of("all"), false, true);
    Node service = new Node(Node.Type.OBJECT, "DPUService", "x", "ns", "", "", null, "", Health.OK, List.of(),
        List.of(), List.of());
    Node dpu = new Node(Node.Type.OBJECT, "DPU", "x", "ns", "", "", null, "", Health.OK, List.of(), List.of(),
        List.of());

    assertThat(byKind.showsConditionsOf(service)).isTrue();
    assertThat(byKind.showsConditionsOf(dpu)).isFalse();
    assertThat(all.showsConditionsOf(dpu)).isTrue();
    assertThat(new TreeOptions(List.of("dpuservice/y"), false, true).showsConditionsOf(service)).isFalse();
  }

  @Test
  void issuesWithConditionsKeepOnlyTheFailingConditions() {
    List<Node> roots = tree(new TreeOptions(List.of("DPU/worker-4-0000-4b-00"), true, true), Scope.DPU_SETS);

    Node dpu = roots.stream().flatMap(TreeOptionsTest::flatten)
        .filter(n -> n.label().equals("DPU/worker-4-0000-4b-00")).findFirst().orElseThrow();
    assertThat(dpu.children()).extracting(Node::label).containsExactly("OSInstalled", "Ready");
  }
}
