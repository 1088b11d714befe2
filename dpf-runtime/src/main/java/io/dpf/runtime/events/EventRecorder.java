package io.dpf.runtime.events;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core v1 Events for what a person would want to see in {@code kubectl describe}: a condition that
 * changed status. Recording is best effort: a failed Event never fails a reconcile.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final String component;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, String component, Clock clock) {
    this.client = client;
    this.component = component;
    this.clock = clock;
  }

  /** One Event per condition whose status differs between before and after (none for new Unknowns). */
  public void conditionTransitions(HasMetadata object, List<Condition> before, List<Condition> after) {
    Map<String, Condition> old = before == null ? Map.of()
        : before.stream().collect(Collectors.toMap(Condition::getType, Function.identity(), (a, b) -> b));
    for (Condition now : after) {
      Condition was = old.get(now.getType());
      String previous = was == null ? "Unknown" : was.getStatus();
      if (!Objects.equals(previous, now.getStatus()) && !"Unknown".equals(now.getStatus())) {
        boolean good = "True".equals(now.getStatus());
        String message = now.getType() + " is " + now.getStatus()
            + (now.getMessage() == null || now.getMessage().isEmpty() ? "" : ": " + now.getMessage());
        record(object, good ? "Normal" : "Warning", now.getType(), message);
      }
    }
  }

  public void record(HasMetadata object, String type, String reason, String message) {
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    String namespace = Objects.requireNonNullElse(object.getMetadata().getNamespace(), "default");
    try {
      client.v1().events().inNamespace(namespace).resource(new EventBuilder()
          .withNewMetadata()
              .withName(object.getMetadata().getName() + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()))
              .withNamespace(namespace)
          .endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(object.getApiVersion())
              .withKind(object.getKind()).withName(object.getMetadata().getName())
              .withNamespace(object.getMetadata().getNamespace())
              .withUid(object.getMetadata().getUid()).withResourceVersion(object.getMetadata().getResourceVersion()).build())
          .withType(type).withReason(reason).withMessage(truncate(message))
          .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
          .withReportingComponent(component).withNewSource().withComponent(component).endSource()
          .build()).create();
    } catch (RuntimeException e) {
      LOG.debug("could not record event {} for {}/{}: {}", reason, namespace, object.getMetadata().getName(), e.getMessage());
    }
  }

  private static String truncate(String message) {
    return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
  }
}
