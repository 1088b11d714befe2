package io.dpf.runtime.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VerifiedAppliesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDigestIgnoresKeyOrderAndHowANumberIsWritten() throws Exception {
    assertThat(VerifiedApplies.digest(tree("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":[1,2]}}")))
        .isEqualTo(VerifiedApplies.digest(tree("{\"b\":{\"d\":[1,2.0],\"c\":\"x\"},\"a\":1.00}")));
  }

  @Test
  void theDigestTellsValuesListOrderTypesAndNestingApart() throws Exception {
    byte[] base = VerifiedApplies.digest(tree("{\"a\":[1,2]}"));
    assertThat(VerifiedApplies.digest(tree("{\"a\":[2,1]}"))).isNotEqualTo(base);
    assertThat(VerifiedApplies.digest(tree("{\"a\":[\"1\",\"2\"]}"))).isNotEqualTo(base);
    assertThat(VerifiedApplies.digest(tree("{\"a\":[[1,2]]}"))).isNotEqualTo(base);
    assertThat(VerifiedApplies.digest(tree("{\"ab\":\"c\"}")))
        .isNotEqualTo(VerifiedApplies.digest(tree("{\"a\":\"bc\"}")));
  }

  @Test
  void onlyTheLastBodyOnTheSameObjectIsVerified() throws Exception {
    VerifiedApplies applies = new VerifiedApplies(10);
    JsonNode one = tree("{\"data\":{\"k\":\"1\"}}");
    JsonNode two = tree("{\"data\":{\"k\":\"2\"}}");
    applies.record("v1/ConfigMap/ns/a", "uid-1", one);
    assertThat(applies.verified("v1/ConfigMap/ns/a", "uid-1", one)).isTrue();
    assertThat(applies.verified("v1/ConfigMap/ns/a", "uid-2", one)).as("recreated").isFalse();
    assertThat(applies.verified("v1/ConfigMap/ns/b", "uid-1", one)).isFalse();
    applies.record("v1/ConfigMap/ns/a", "uid-1", two);
    assertThat(applies.verified("v1/ConfigMap/ns/a", "uid-1", one)).isFalse();
    applies.forget("v1/ConfigMap/ns/a");
    assertThat(applies.verified("v1/ConfigMap/ns/a", "uid-1", two)).isFalse();
  }

  @Test
  void theLeastRecentlyUsedGoBeyondCapacity() throws Exception {
    VerifiedApplies applies = new VerifiedApplies(2);
    JsonNode body = tree("{}");
    applies.record("a", "u", body);
    applies.record("b", "u", body);
    assertThat(applies.verified("a", "u", body)).isTrue();
    applies.record("c", "u", body);
    assertThat(applies.size()).isEqualTo(2);
    assertThat(applies.verified("b", "u", body)).as("least recently used").isFalse();
    assertThat(applies.verified("a", "u", body)).isTrue();
  }

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json);
  }
}
