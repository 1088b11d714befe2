package io.dpf.dpuservice.dpuservice;

import io.dpf.api.Names;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether ArgoCD reports a DPUService's Applications Synced and Healthy (no I/O). */
public final class ApplicationReadiness {

  static final String SYNCED = "Synced";
  static final String HEALTHY = "Healthy";

  private ApplicationReadiness() {}

  /**
   * @param expected the Application names the service should have
   * @param live the live Applications by name (missing ones are not deployed yet)
   * @return one line per Application that is not ready; empty when all are
   */
  public static List<String> notReady(List<String> expected, Map<String, Application> live, String argoCdNamespace) {
    List<String> problems = new ArrayList<>();
    for (String name : expected) {
      Application application = live.get(name);
      if (application == null) {
        problems.add("Application " + name + " is not yet deployed.");
        continue;
      }
      String sync = syncOf(application.getStatus());
      String health = healthOf(application.getStatus());
      if (!SYNCED.equals(sync) || !HEALTHY.equals(health)) {
        problems.add("Application " + name + " is not ready (Sync: " + sync + ", Health: " + health + ")"
            + argoCdConditions(application.getStatus())
            + ". Run 'kubectl describe application -n " + argoCdNamespace + " " + name + "' for details.");
      }
    }
    return problems;
  }

  /**
   * @param unreachable DPU cluster name → why it cannot be reached
   * @return one line per cluster whose Application's readiness cannot be evaluated
   */
  public static List<String> unevaluated(Map<String, String> unreachable, String serviceName) {
    List<String> lines = new ArrayList<>();
    unreachable.forEach((cluster, why) -> lines.add("DPU cluster " + cluster + " cannot be reached (" + why
        + "), so whether Application " + Names.application(cluster, serviceName) + " is ready is unknown."));
    return lines;
  }

  /**
   * What Argo CD says went wrong (e.g. {@code ComparisonError: ... failed to sync cluster https://...:
   * connection refused} for an unreachable DPU cluster), so the DPUService's condition names it.
   */
  static String argoCdConditions(ApplicationStatus status) {
    Object conditions = status == null ? null : status.additionalProperties().get("conditions");
    if (!(conditions instanceof List<?> list) || list.isEmpty()) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map<?, ?> condition) {
        lines.add(condition.get("type") + ": " + condition.get("message"));
      }
    }
    return lines.isEmpty() ? "" : ": " + String.join("; ", lines);
  }

  private static String syncOf(ApplicationStatus status) {
    return status == null || status.getSync() == null || status.getSync().getStatus() == null
        ? "Unknown" : status.getSync().getStatus();
  }

  private static String healthOf(ApplicationStatus status) {
    return status == null || status.getHealth() == null || status.getHealth().getStatus() == null
        ? "Unknown" : status.getHealth().getStatus();
  }
}
