package io.dpf.e2e;

import io.dpf.testkit.HelmChartRepository;
import io.dpf.testkit.node.ArgoCdImages;
import io.dpf.testkit.node.RealNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/**
 * What the Argo CD the operator deploys (chart {@code charts/argocd}) needs on the local clusters
 * before {@code helm install ... --set argoCD.deploy=true}: its images in the host's real node, the
 * {@code dpu-networking} chart served where the node's pods reach it, and the configuration a user
 * would add (the repository's CA, the refresh period). Shared by the demo and the e2e.
 */
final class OperatorArgoCd {

  private OperatorArgoCd() {}

  /**
   * @return the chart repository, listening on the host cluster's anchor address (pods do not share
   *     this machine's loopback); the caller closes it
   */
  static HelmChartRepository prepare(LocalEnvironment env, PrintStream out) {
    KubernetesClient host = env.host().client();
    RealNode node = env.host().realNode().orElseThrow();
    for (ArgoCdImages.Image image : ArgoCdImages.build()) {
      Instant start = Instant.now();
      node.loadImage(image.archive());
      out.printf("[figure] image %s (%.1f MB archive) imported into %s: %.1f s%n", image.reference(),
          size(image) / 1e6, node.name(), InstalledOperator.seconds(start));
    }
    String anchor = URI.create(host.getConfiguration().getMasterUrl()).getHost();
    HelmChartRepository charts = HelmChartRepository.serve(List.of(DemoArgoCd.packagedChart()), anchor);
    // The repository's CA, as a user adds one (argocd cert add-tls): before the operator deploys
    // Argo CD, whose apply of this ConfigMap owns no data key and so leaves the entry alone.
    host.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("argocd-tls-certs-cm")
        .withNamespace(LocalEnvironment.OPERATOR_NAMESPACE).addToLabels("app.kubernetes.io/part-of", "argocd").endMetadata()
        .addToData(charts.host(), charts.caCertificatePem()).build()).fieldManager("kubectl").serverSideApply();
    // Argo CD's periodic refresh at 30 s instead of upstream's 120 s, as a user may set it (the
    // local-process Argo CD of the other tests runs with --app-resync 10): one Application was seen
    // waiting a whole period for a Deployment that had become available (noted in issue 11).
    host.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("argocd-cm")
        .withNamespace(LocalEnvironment.OPERATOR_NAMESPACE).addToLabels("app.kubernetes.io/part-of", "argocd").endMetadata()
        .addToData("timeout.reconciliation", "30s").build()).fieldManager("kubectl").serverSideApply();
    return charts;
  }

  private static long size(ArgoCdImages.Image image) {
    try {
      return Files.size(image.archive());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
