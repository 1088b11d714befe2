package io.dpf.cli.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorsTest {

  @Test
  void matchLabelsAndExpressionsAsKubernetesDoes() {
    Map<String, Object> selector = Map.of("matchLabels", Map.of("app", "flannel"), "matchExpressions", List.of(
        Map.of("key", "tier", "operator", "In", "values", List.of("dpu", "host")),
        Map.of("key", "canary", "operator", "DoesNotExist")));

    assertThat(Selectors.matches(selector, Map.of("app", "flannel", "tier", "dpu"))).isTrue();
    assertThat(Selectors.matches(selector, Map.of("app", "flannel", "tier", "edge"))).isFalse();
    assertThat(Selectors.matches(selector, Map.of("app", "flannel", "tier", "dpu", "canary", "1"))).isFalse();
    assertThat(Selectors.matches(selector, Map.of("app", "multus", "tier", "dpu"))).isFalse();
    assertThat(Selectors.matches(Map.of(), Map.of("app", "flannel"))).as("empty selects nothing").isFalse();
  }
}
