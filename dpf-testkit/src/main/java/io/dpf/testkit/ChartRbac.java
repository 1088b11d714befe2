package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A chart's RBAC on a real API server, and a client configuration that acts as the chart's service
 * account: a controller run in the test with it has exactly what the chart grants, so a missing
 * permission fails the test instead of the first real install.
 */
public final class ChartRbac {

  private static final Set<String> WORKLOADS = Set.of("Deployment", "DaemonSet", "StatefulSet", "Pod");

  private ChartRbac() {}

  /** Renders the chart (helm CLI) and applies everything but its workloads into {@code namespace}. */
  public static void install(Cluster cluster, Path chart, String release, String namespace) {
    String manifests = Helm.template(chart, release, namespace, "");
    List<HasMetadata> objects = cluster.client().load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
        .items().stream().filter(o -> !WORKLOADS.contains(o.getKind())).toList();
    objects.forEach(object -> cluster.client().resource(object).inNamespace(namespace).serverSideApply());
  }

  /** The cluster's admin configuration, impersonating {@code system:serviceaccount:<namespace>:<name>}. */
  public static Config asServiceAccount(Cluster cluster, String namespace, String name) {
    Config config = Config.fromKubeconfig(cluster.kubeconfigYaml());
    config.setImpersonateUsername("system:serviceaccount:" + namespace + ":" + name);
    config.setImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated");
    return config;
  }

  /** A chart of this repository, e.g. {@code chart("dpu-networking", "charts", "sfc-controller")}. */
  public static Path chart(String... path) {
    return Path.of(System.getProperty("dpf.root", ".."), "charts").resolve(Path.of("", path));
  }
}
