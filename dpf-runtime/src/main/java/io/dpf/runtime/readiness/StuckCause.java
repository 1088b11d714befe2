package io.dpf.runtime.readiness;

import io.dpf.runtime.controller.LabelSelectors;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Why a rollout makes no progress, as the API already shows it on the workload's pods: a pod the
 * scheduler cannot place ({@code PodScheduled=False}, with the scheduler's message), or a container
 * that cannot start (waiting in ImagePullBackOff, ErrImagePull, CrashLoopBackOff and the like, with
 * the kubelet's message). The newest troubled pod is the one named: it belongs to the rollout that waits.
 */
public final class StuckCause {

  /** Waiting reasons that do not clear by themselves; ContainerCreating and PodInitializing do. */
  static final Set<String> STUCK_WAITING = Set.of("ImagePullBackOff", "ErrImagePull", "CrashLoopBackOff",
      "CreateContainerConfigError", "CreateContainerError", "InvalidImageName", "RunContainerError");

  private StuckCause() {}

  /** The cause named on the newest troubled pod {@code selector} matches among {@code pods}, if any. */
  public static Optional<String> of(LabelSelector selector, List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> LabelSelectors.matches(selector, labels(p)))
        .sorted(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp())).reversed()
            .thenComparing(p -> p.getMetadata().getName()))
        .map(StuckCause::of)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** What keeps one pod from running, if the API names it. */
  public static Optional<String> of(Pod pod) {
    String name = "pod " + pod.getMetadata().getName();
    if (pod.getStatus() == null) {
      return Optional.empty();
    }
    if (pod.getStatus().getConditions() != null) {
      for (PodCondition condition : pod.getStatus().getConditions()) {
        if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
          return Optional.of(name + " cannot be scheduled (" + orElse(condition.getReason(), "Unschedulable") + ")"
              + suffix(condition.getMessage()));
        }
      }
    }
    List<ContainerStatus> containers = new ArrayList<>();
    Stream.of(pod.getStatus().getInitContainerStatuses(), pod.getStatus().getContainerStatuses())
        .filter(l -> l != null).forEach(containers::addAll);
    for (ContainerStatus container : containers) {
      var waiting = container.getState() == null ? null : container.getState().getWaiting();
      if (waiting != null && STUCK_WAITING.contains(waiting.getReason())) {
        return Optional.of(name + " container " + container.getName() + ": " + waiting.getReason()
            + suffix(waiting.getMessage()));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }

  private static String suffix(String message) {
    return message == null || message.isBlank() ? "" : ": " + message.strip();
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
