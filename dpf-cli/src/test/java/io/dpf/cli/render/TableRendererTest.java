package io.dpf.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.cli.Fleet;
import io.dpf.cli.tree.Health;
import io.dpf.cli.tree.Node;
import io.dpf.cli.tree.Scope;
import io.dpf.cli.tree.TreeBuilder;
import io.dpf.cli.tree.TreeOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {

  private static List<Node> fleet() {
    return new TreeOptions(List.of(), false, true).apply(new TreeBuilder(Fleet.snapshot(), true).build(Scope.ALL));
  }

  @Test
  void theWholeFleetReadsAsTheGoldenTree() throws IOException {
    String table = new TableRenderer(Since.relativeTo(Fleet.NOW), Colors.none()).render(fleet());

    assertThat(table).isEqualTo(Fleet.text("fleet/describe-all-expanded.txt"));
  }

  @Test
  void issuesReadAsTheGoldenTree() {
    List<Node> issues = new TreeOptions(List.of(), true, true)
        .apply(new TreeBuilder(Fleet.snapshot(), true).build(Scope.ALL));

    assertThat(new TableRenderer(Since.relativeTo(Fleet.NOW), Colors.none()).render(issues))
        .isEqualTo(Fleet.text("fleet/describe-all-issues.txt"));
  }

  @Test
  void coloursLeaveTheColumnsWhereTheyAre() {
    String plain = new TableRenderer(Since.relativeTo(Fleet.NOW), Colors.none()).render(fleet());
    String coloured = new TableRenderer(Since.relativeTo(Fleet.NOW), Colors.ansi()).render(fleet());

    assertThat(coloured).contains("\u001b[31mReady: False\u001b[0m", "\u001b[32mReady: True\u001b[0m");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
  }

  @Test
  void noColorWinsAndAutoColoursOnlyATerminal() {
    assertThat(Colors.choose("always", "1", true).enabled()).isFalse();
    assertThat(Colors.choose("auto", null, false).enabled()).isFalse();
    assertThat(Colors.choose("auto", "", true).enabled()).isTrue();
    assertThat(Colors.choose("never", null, true).enabled()).isFalse();
    assertThat(Colors.choose("always", null, false).enabled()).isTrue();
  }

  @Test
  void sinceIsKubectlsShortDuration() {
    assertThat(Since.human(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Since.human(Duration.ofSeconds(312))).isEqualTo("5m12s");
    assertThat(Since.human(Duration.ofMinutes(60))).isEqualTo("60m");
    assertThat(Since.human(Duration.ofMinutes(200))).isEqualTo("3h20m");
    assertThat(Since.human(Duration.ofHours(23))).isEqualTo("23h");
    assertThat(Since.human(Duration.ofHours(116))).isEqualTo("4d20h");
    assertThat(Since.human(Duration.ofDays(30))).isEqualTo("30d");
    assertThat(Since.relativeTo(Fleet.NOW).format(null)).isEmpty();
  }

  @Test
  void rowsOfAHeadingHaveNoStatusColumns() {
    Node heading = Node.heading("DPUClusters", List.of(Node.problem("DPU cluster x", "Unreachable", "refused",
        Health.FAILED)));

    String table = new TableRenderer(t -> "", Colors.none()).render(List.of(heading));

    assertThat(table.lines()).containsExactly(
        "NAME             NAMESPACE  STATUS       REASON  SINCE  MESSAGE",
        "DPUClusters",
        "└─DPU cluster x             Unreachable                 refused");
  }
}
