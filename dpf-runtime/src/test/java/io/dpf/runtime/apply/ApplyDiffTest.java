package io.dpf.runtime.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ApplyDiffTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANAGER = "mirror-controller";

  /** A live ConfigMap as the server returns it after our apply of labels {app} and data {a, b}. */
  private static final String LIVE = """
      {"apiVersion":"v1","kind":"ConfigMap",
       "metadata":{"name":"cm","namespace":"ns","resourceVersion":"42","uid":"u-1",
         "creationTimestamp":"2026-11-25T08:00:00Z",
         "labels":{"app":"x","added-by-someone-else":"y"},
         "managedFields":[
           {"manager":"kubectl","operation":"Update","fieldsV1":{"f:metadata":{"f:labels":{"f:added-by-someone-else":{}}}}},
           {"manager":"mirror-controller","operation":"Apply","fieldsV1":
             {"f:data":{"f:a":{},"f:b":{}},"f:metadata":{"f:labels":{"f:app":{}}}}}]},
       "data":{"a":"1","b":"2"}}
      """;

  @Test
  void unchangedDesiredStateNeedsNoWriteDespiteServerFieldsAndForeignFields() throws Exception {
    ObjectNode desired = body("""
        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","namespace":"ns","labels":{"app":"x"}},
         "data":{"a":"1","b":"2"}}""");

    assertThat(ApplyDiff.upToDate(desired, json(LIVE), MANAGER)).isTrue();
  }

  @Test
  void aChangedOrAddedValueNeedsAWrite() throws Exception {
    assertThat(ApplyDiff.upToDate(body("""
        {"metadata":{"name":"cm","labels":{"app":"x"}},"data":{"a":"1","b":"3"}}"""), json(LIVE), MANAGER)).isFalse();
    assertThat(ApplyDiff.upToDate(body("""
        {"metadata":{"name":"cm","labels":{"app":"x"}},"data":{"a":"1","b":"2","c":"new"}}"""), json(LIVE), MANAGER)).isFalse();
  }

  @Test
  void aFieldWeStoppedApplyingNeedsAWriteSoTheServerRemovesIt() throws Exception {
    ObjectNode withoutB = body("""
        {"metadata":{"name":"cm","labels":{"app":"x"}},"data":{"a":"1"}}""");

    assertThat(ApplyDiff.containsSubset(json(LIVE), withoutB)).as("still a subset").isTrue();
    assertThat(ApplyDiff.upToDate(withoutB, json(LIVE), MANAGER)).isFalse();
  }

  @Test
  void anObjectWeNeverAppliedIsAppliedOnceToTakeOwnership() throws Exception {
    ObjectNode desired = body("""
        {"metadata":{"name":"cm","labels":{"app":"x"}},"data":{"a":"1","b":"2"}}""");

    assertThat(ApplyDiff.upToDate(desired, json(LIVE), "another-controller")).isFalse();
    assertThat(ApplyDiff.upToDate(desired, null, MANAGER)).isFalse();
  }

  @Test
  void listsCompareElementByElementAndNumbersByValue() throws Exception {
    JsonNode live = json("""
        {"spec":{"replicas":3,"ports":[{"name":"http","port":80,"protocol":"TCP"}]}}""");

    assertThat(ApplyDiff.containsSubset(live, json("""
        {"spec":{"replicas":3.0,"ports":[{"name":"http","port":80}]}}"""))).isTrue();
    assertThat(ApplyDiff.containsSubset(live, json("""
        {"spec":{"ports":[{"name":"http","port":80},{"name":"https","port":443}]}}"""))).isFalse();
    assertThat(ApplyDiff.containsSubset(live, json("""
        {"spec":{"ports":[],"selector":{}}}"""))).as("empty means nothing to apply").isTrue();
  }

  @Test
  void applyBodyDropsServerMetadataAndStatus() throws Exception {
    ObjectNode body = ApplyDiff.applyBody(json(LIVE.replace("\"data\"", "\"status\":{\"x\":1},\"data\"")));

    assertThat(body.path("metadata").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("name", "namespace", "labels");
    assertThat(body.has("status")).isFalse();
    assertThat(body.has("data")).isTrue();
  }

  private static ObjectNode body(String desired) throws Exception {
    return ApplyDiff.applyBody(json(desired));
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
