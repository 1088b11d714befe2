package io.dpf.e2e;

import io.dpf.api.thirdparty.argocd.v1alpha1.Application;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.HealthStatus;
import io.dpf.api.thirdparty.argocd.v1alpha1.SyncStatus;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.testkit.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * STAND-IN for Argo CD in the local demo and e2e suites: real Argo CD cannot run here (no container
 * runtime: KWOK only pretends to run its pods). For each Application it renders the chart with the
 * real helm CLI, from the repository's own {@code charts/} (the published chart repositories are
 * out of reach), applies the result to the destination cluster, and reports Synced/Healthy as Argo
 * CD would once the workloads there are ready. On deletion it removes what it applied (Argo CD's
 * resources finalizer). Nothing of this runs in production.
 */
final class ArgoCdStandIn implements Reconciler<Application> {

  static final String FINALIZER = "resources-finalizer.argocd.argoproj.io";
  private static final String FIELD_MANAGER = "argocd-stand-in";

  private final KubernetesClient host;
  private final Path charts;
  private final ArgoClusters clusters;

  ArgoCdStandIn(KubernetesClient host, Path charts) {
    this.host = host;
    this.charts = charts;
    this.clusters = new ArgoClusters(host);
  }

  @Override
  public Result reconcile(Application app) throws Exception {
    KubernetesClient destination = clusters.client(app.getMetadata().getNamespace(), app.getSpec().getDestination());
    String namespace = app.getSpec().getDestination().getNamespace();
    Path chart = charts.resolve(Objects.requireNonNullElse(app.getSpec().getSource().getChart(), ""));
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      return status(app, "Unknown", "Missing", "chart " + app.getSpec().getSource().getChart()
          + " is not in " + charts + " (the stand-in only serves the repository's own charts)");
    }
    List<HasMetadata> objects = render(app, chart, namespace);
    if (app.getMetadata().getDeletionTimestamp() != null) {
      objects.forEach(o -> destination.resource(o).delete());
      host.resource(app).edit(a -> {
        a.getMetadata().getFinalizers().remove(FINALIZER);
        return a;
      });
      return Result.done();
    }
    destination.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
        .build()).fieldManager(FIELD_MANAGER).serverSideApply();
    for (HasMetadata object : objects) {
      destination.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
    List<String> waiting = notReady(destination, objects);
    if (waiting.isEmpty()) {
      return status(app, "Synced", "Healthy", "");
    }
    status(app, "Synced", "Progressing", String.join(", ", waiting));
    return Result.requeueAfter(Duration.ofSeconds(2)); // the destination cluster is not watched
  }

  private List<HasMetadata> render(Application app, Path chart, String namespace) {
    var helm = app.getSpec().getSource().getHelm();
    String release = helm != null && helm.getReleaseName() != null ? helm.getReleaseName() : app.getMetadata().getName();
    String values = helm == null || helm.getValuesObject() == null ? "" : helm.getValuesObject().toString();
    String yaml = Helm.template(chart, release, namespace, values);
    Object parsed = host.getKubernetesSerialization().unmarshal(yaml);
    List<HasMetadata> objects = new ArrayList<>();
    if (parsed instanceof List<?> list) {
      list.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).forEach(objects::add);
    } else if (parsed instanceof HasMetadata one) {
      objects.add(one);
    }
    objects.forEach(o -> {
      if (o.getMetadata().getNamespace() == null && !o.getKind().startsWith("Cluster")
          && !o.getKind().equals("CustomResourceDefinition")) {
        o.getMetadata().setNamespace(namespace);
      }
    });
    return objects;
  }

  private static List<String> notReady(KubernetesClient cluster, List<HasMetadata> objects) {
    List<String> waiting = new ArrayList<>();
    for (HasMetadata o : objects) {
      String ns = o.getMetadata().getNamespace();
      String name = o.getMetadata().getName();
      if (o instanceof DaemonSet) {
        DaemonSet live = cluster.apps().daemonSets().inNamespace(ns).withName(name).get();
        if (live == null || live.getStatus() == null || live.getStatus().getDesiredNumberScheduled() == null
            || live.getStatus().getDesiredNumberScheduled() == 0
            || !Objects.equals(live.getStatus().getNumberReady(), live.getStatus().getDesiredNumberScheduled())) {
          waiting.add("DaemonSet " + name);
        }
      } else if (o instanceof Deployment) {
        Deployment live = cluster.apps().deployments().inNamespace(ns).withName(name).get();
        int want = live == null || live.getSpec().getReplicas() == null ? 1 : live.getSpec().getReplicas();
        if (live == null || live.getStatus() == null
            || Objects.requireNonNullElse(live.getStatus().getReadyReplicas(), 0) < want) {
          waiting.add("Deployment " + name);
        }
      }
    }
    return waiting;
  }

  private Result status(Application app, String sync, String health, String message) {
    ApplicationStatus status = new ApplicationStatus();
    SyncStatus syncStatus = new SyncStatus();
    syncStatus.setStatus(sync);
    status.setSync(syncStatus);
    HealthStatus healthStatus = new HealthStatus();
    healthStatus.setStatus(health);
    healthStatus.setMessage(message.isEmpty() ? null : message);
    status.setHealth(healthStatus);
    ApplicationStatus current = app.getStatus();
    boolean same = current != null && current.getSync() != null && current.getHealth() != null
        && sync.equals(current.getSync().getStatus()) && health.equals(current.getHealth().getStatus());
    if (!same) {
      app.setStatus(status);
      host.resource(app).updateStatus();
    }
    return Result.done();
  }
}
