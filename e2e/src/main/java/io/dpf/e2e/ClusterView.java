package io.dpf.e2e;

import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code kubectl get -n <ns> pods,dpuservices,applications} prints, as text: the demo shows it
 * whenever it changes, as the seed's {@code watch} would.
 */
final class ClusterView {

  private final KubernetesClient client;
  private final String namespace;

  ClusterView(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /** What {@code kubectl get -n <ns> pods} prints. */
  String pods() {
    List<String> lines = new ArrayList<>();
    podTable(lines);
    return lines.isEmpty() ? "No resources found in " + namespace + " namespace." : String.join("\n", lines);
  }

  private void podTable(List<String> lines) {
    List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
    table(lines, List.of("NAME", "READY", "STATUS", "NODE"), pods.stream().map(p -> List.of(
        "pod/" + p.getMetadata().getName(), ready(p), Objects.toString(p.getStatus().getPhase(), "Pending"),
        Objects.toString(p.getSpec().getNodeName(), "<none>"))).toList());
  }

  String render() {
    List<String> lines = new ArrayList<>();
    podTable(lines);
    table(lines, List.of("NAME", "READY", "PHASE"), list(DPUService.class).stream().map(s -> List.of(
        "dpuservice.svc.dpu.nvidia.com/" + s.getMetadata().getName(),
        condition(s.getStatus() == null ? null : s.getStatus().getConditions(), true),
        condition(s.getStatus() == null ? null : s.getStatus().getConditions(), false))).toList());
    table(lines, List.of("NAME", "SYNC STATUS", "HEALTH STATUS"), list(Application.class).stream().map(a -> List.of(
        "application.argoproj.io/" + a.getMetadata().getName(),
        a.getStatus() == null || a.getStatus().getSync() == null ? ""
            : Objects.toString(a.getStatus().getSync().getStatus(), ""),
        a.getStatus() == null || a.getStatus().getHealth() == null ? ""
            : Objects.toString(a.getStatus().getHealth().getStatus(), "")))
        .toList());
    return String.join("\n", lines);
  }

  /** What {@code kubectl get -n <ns> deployments,daemonsets} prints: the seed's look into the DPU cluster. */
  String workloads() {
    List<String> lines = new ArrayList<>();
    table(lines, List.of("NAME", "READY", "UP-TO-DATE", "AVAILABLE"), client.apps().deployments().inNamespace(namespace)
        .list().getItems().stream().map(d -> List.of("deployment.apps/" + d.getMetadata().getName(),
            count(d.getStatus() == null ? null : d.getStatus().getReadyReplicas()) + "/" + count(d.getSpec().getReplicas()),
            String.valueOf(count(d.getStatus() == null ? null : d.getStatus().getUpdatedReplicas())),
            String.valueOf(count(d.getStatus() == null ? null : d.getStatus().getAvailableReplicas())))).toList());
    table(lines, List.of("NAME", "DESIRED", "CURRENT", "READY"), client.apps().daemonSets().inNamespace(namespace)
        .list().getItems().stream().map(d -> List.of("daemonset.apps/" + d.getMetadata().getName(),
            String.valueOf(count(d.getStatus() == null ? null : d.getStatus().getDesiredNumberScheduled())),
            String.valueOf(count(d.getStatus() == null ? null : d.getStatus().getCurrentNumberScheduled())),
            String.valueOf(count(d.getStatus() == null ? null : d.getStatus().getNumberReady())))).toList());
    return lines.isEmpty() ? "No resources found in " + namespace + " namespace." : String.join("\n", lines);
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }

  private <T extends HasMetadata> List<T> list(Class<T> type) {
    try {
      return client.resources(type).inNamespace(namespace).list().getItems();
    } catch (RuntimeException notInstalledYet) {
      return List.of();
    }
  }

  private static String ready(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return "0/" + pod.getSpec().getContainers().size();
    }
    long ready = pod.getStatus().getContainerStatuses().stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count();
    return ready + "/" + pod.getSpec().getContainers().size();
  }

  private static String condition(List<Condition> conditions, boolean status) {
    if (conditions == null) {
      return "";
    }
    return conditions.stream().filter(c -> "Ready".equals(c.getType())).findFirst()
        .map(c -> status ? c.getStatus() : c.getReason()).orElse("");
  }

  private static void table(List<String> out, List<String> header, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    int[] width = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      width[i] = header.get(i).length();
      for (List<String> row : rows) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    if (!out.isEmpty()) {
      out.add("");
    }
    out.add(line(header, width));
    rows.forEach(row -> out.add(line(row, width)));
  }

  private static String line(List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(String.format("%-" + (width[i] + 3) + "s", cells.get(i)));
    }
    return line.toString().stripTrailing();
  }
}
