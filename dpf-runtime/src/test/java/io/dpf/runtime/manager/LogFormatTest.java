package io.dpf.runtime.manager;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dpf.runtime.controller.ReconcileLogContext;
import io.dpf.runtime.controller.ResourceKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Both log formats carry the reconcile's MDC keys; json is one parseable object per line. */
class LogFormatTest {

  @Test
  void jsonLinesCarryTheReconcileKeys() throws Exception {
    String line = encode(LogFormat.json, "DPU ns/dpu-0: Pending -> OS Installing");
    JsonNode json = new ObjectMapper().readTree(line);

    assertThat(line.trim()).doesNotContain("\n");
    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("formattedMessage").asText()).isEqualTo("DPU ns/dpu-0: Pending -> OS Installing");
    assertThat(json.path("mdc").path("controller").asText()).isEqualTo("dpu");
    assertThat(json.path("mdc").path("namespace").asText()).isEqualTo("ns");
    assertThat(json.path("mdc").path("name").asText()).isEqualTo("dpu-0");
    assertThat(json.path("mdc").path("reconcileId").asText()).hasSize(8);
  }

  @Test
  void textLinesShowTheReconcileKeysInBrackets() throws Exception {
    assertThat(encode(LogFormat.text, "hello")).contains("[controller=dpu namespace=ns name=dpu-0 reconcileId=")
        .contains("reconcileId=").endsWith("- hello" + System.lineSeparator());
  }

  @Test
  void textLinesOutsideAReconcileHaveNoEmptyBrackets() throws Exception {
    LoggerContext context = configured(LogFormat.text);
    String line = encode(context, event(context, "outside"));
    assertThat(line).doesNotContain("[]").endsWith(" - outside" + System.lineSeparator());
  }

  private static String encode(LogFormat format, String message) throws Exception {
    LoggerContext context = configured(format);
    try (ReconcileLogContext reconcile = ReconcileLogContext.open("dpu", new ResourceKey("ns", "dpu-0"))) {
      return encode(context, event(context, message));
    } finally {
      MDC.clear();
    }
  }

  private static LoggingEvent event(LoggerContext context, String message) {
    LoggingEvent event = new LoggingEvent("test", context.getLogger("io.dpf.test"), Level.INFO, message, null, null);
    event.getMDCPropertyMap(); // taken now, inside the reconcile
    return event;
  }

  @SuppressWarnings("unchecked")
  private static String encode(LoggerContext context, ILoggingEvent event) {
    OutputStreamAppender<ILoggingEvent> out =
        (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("OUT");
    return new String(out.getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  private static LoggerContext configured(LogFormat format) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter()); // the one ReconcileLogContext writes to
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormatTest.class.getClassLoader().getResource(format.configuration()));
    return context;
  }
}
