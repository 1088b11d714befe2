package io.dpf.runtime.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STATUS = """
      {"phase":"Ready","observedGeneration":2,
       "conditions":[{"type":"Ready","status":"True","reason":"Success","lastTransitionTime":"2026-11-25T08:00:00Z"}]}""";

  @Test
  void theSameStatusIsNotAChange() throws Exception {
    assertThat(StatusWriter.changed(json(STATUS), json(STATUS))).isFalse();
    assertThat(StatusWriter.changed(MissingNode.getInstance(), json("{}"))).isFalse();
    assertThat(StatusWriter.changed(json("{\"conditions\":[]}"), json("{}"))).isFalse();
  }

  @Test
  void anyDifferenceIsAChangeIncludingARemovedField() throws Exception {
    assertThat(StatusWriter.changed(json(STATUS), json(STATUS.replace("Ready\",\"obs", "Error\",\"obs"))))
        .isTrue();
    assertThat(StatusWriter.changed(json(STATUS), json(STATUS.replace("\"phase\":\"Ready\",", ""))))
        .as("phase removed").isTrue();
    assertThat(StatusWriter.changed(json(STATUS),
        json(STATUS.replace("08:00:00Z", "09:00:00Z")))).as("a moved transition time").isTrue();
    assertThat(StatusWriter.changed(MissingNode.getInstance(), json(STATUS))).isTrue();
  }

  @Test
  void fieldsAnotherWriterOwnsAreNeitherComparedNorWritten() throws Exception {
    JsonNode withReport = json(STATUS.replace("{\"phase\"", "{\"hostAgent\":{\"state\":\"Pushing\"},\"phase\""));
    assertThat(StatusWriter.changed(withReport, json(STATUS))).as("compared whole").isTrue();
    assertThat(StatusWriter.changed(StatusWriter.without(withReport, Set.of("hostAgent")),
        StatusWriter.without(json(STATUS), Set.of("hostAgent")))).isFalse();
    assertThat(StatusWriter.without(withReport, Set.of("hostAgent")).has("hostAgent")).isFalse();
    assertThat(withReport.has("hostAgent")).as("the observed object is not edited").isTrue();
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }
}
