package io.dpf.e2e;

import io.dpf.testkit.Cluster;
import io.dpf.testkit.EnvtestBinaries;
import io.dpf.testkit.HelmChartRepository;
import io.dpf.testkit.LocalArgoCd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's Argo CD: the real one (application-controller, repo-server, Redis) as local processes
 * watching the operator's namespace, as its pods would if the host's nodes ran containers, and the
 * build's packaged {@code dpu-networking} chart in an HTTPS chart repository it trusts; the
 * operator points the system DPUServices at that repository.
 */
final class DemoArgoCd implements AutoCloseable {

  static final String CHART = "dpu-networking";

  private final HelmChartRepository charts;
  private final LocalArgoCd argoCd;
  private final String chartRef;

  private DemoArgoCd(HelmChartRepository charts, LocalArgoCd argoCd, String chartRef) {
    this.charts = charts;
    this.argoCd = argoCd;
    this.chartRef = chartRef;
  }

  static DemoArgoCd start(Cluster host, String namespace) {
    Path packaged = packagedChart();
    HelmChartRepository charts = HelmChartRepository.serve(List.of(packaged));
    try {
      LocalArgoCd argoCd = LocalArgoCd.start(host, namespace);
      argoCd.trust(charts);
      String version = packaged.getFileName().toString().replaceFirst("^" + CHART + "-", "").replaceFirst("\\.tgz$", "");
      return new DemoArgoCd(charts, argoCd, charts.url() + "/" + CHART + ":" + version);
    } catch (RuntimeException e) {
      charts.close();
      throw e;
    }
  }

  /** {@code <repo>/dpu-networking:<version>} of {@code charts}, serving {@link #packagedChart()}. */
  static String chartRef(HelmChartRepository charts) {
    String version = packagedChart().getFileName().toString().replaceFirst("^" + CHART + "-", "")
        .replaceFirst("\\.tgz$", "");
    return charts.url() + "/" + CHART + ":" + version;
  }

  /** {@code <repo>/dpu-networking:<version>}, for the operator's system DPUServices. */
  String chartRef() {
    return chartRef;
  }

  LocalArgoCd argoCd() {
    return argoCd;
  }

  /** The chart as the build packaged it (with the DPU-side CRDs in its subcharts), by hack/render-charts.sh. */
  static Path packagedChart() {
    Path dir = EnvtestBinaries.repositoryRoot().resolve("dpf-operator/target/generated-resources/charts/charts");
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches(CHART + "-[0-9].*\\.tgz")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no packaged " + CHART + " chart in " + dir
              + "; build the operator first (mvn -B package -pl dpf-operator -am -DskipTests)"));
    } catch (IOException e) {
      throw new IllegalStateException("no packaged " + CHART + " chart in " + dir
          + "; build the operator first (mvn -B package -pl dpf-operator -am -DskipTests)", e);
    }
  }

  @Override
  public void close() {
    argoCd.close();
    charts.close();
  }
}
