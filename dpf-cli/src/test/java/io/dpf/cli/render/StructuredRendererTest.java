package io.dpf.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dpf.cli.Fleet;
import io.dpf.cli.tree.Node;
import io.dpf.cli.tree.Scope;
import io.dpf.cli.tree.TreeBuilder;
import io.dpf.cli.tree.TreeOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredRendererTest {

  private static List<Node> issues() {
    return new TreeOptions(List.of(), true, true).apply(new TreeBuilder(Fleet.snapshot(), true).build(Scope.ALL));
  }

  @Test
  void jsonCarriesTheRowsWithTimesAndHealth() throws Exception {
    JsonNode json = new ObjectMapper().readTree(new StructuredRenderer().json(issues()));

    JsonNode root = json.get("items").get(0);
    assertThat(root.get("kind").asText()).isEqualTo("DPFOperatorConfig");
    assertThat(root.get("since").asText()).isEqualTo("2026-12-01T10:00:00Z");
    JsonNode dpu = root.at("/children/0/children/0/children/0/children/0/children/0/children/0");
    assertThat(dpu.get("name").asText()).isEqualTo("worker-4-0000-4b-00");
    assertThat(dpu.get("reason").asText()).isEqualTo("Error");
    assertThat(dpu.get("health").asText()).isEqualTo("failed");
    assertThat(dpu.get("message").asText()).contains("InstallationFailed");
  }

  @Test
  void yamlHoldsTheSameTree() throws Exception {
    JsonNode yaml = new YAMLMapper().readTree(new StructuredRenderer().yaml(issues()));
    JsonNode json = new ObjectMapper().readTree(new StructuredRenderer().json(issues()));

    assertThat(yaml).isEqualTo(json);
  }

  @Test
  void groupsListTheirMembers() throws Exception {
    List<Node> grouped = new TreeOptions(List.of(), false, true)
        .apply(new TreeBuilder(Fleet.snapshot(), false).build(Scope.DPU_SETS));
    JsonNode json = new ObjectMapper().readTree(new StructuredRenderer().json(grouped));

    JsonNode group = json.at("/items/0/children/1/children/0");
    assertThat(group.get("type").asText()).isEqualTo("group");
    assertThat(group.get("members")).hasSize(3);
  }
}
