package io.dpf.operator.inventory;

import io.dpf.api.LabelKeys;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceSpec;
import io.dpf.api.svc.v1alpha1.HelmChart;
import io.dpf.api.svc.v1alpha1.HelmSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * A DPU-side component: one DPUService named after it, pointing at its subchart of the
 * {@code dpu-networking} umbrella chart (enabled with {@code <component>.enabled}), with what DPF
 * injects as Helm values ({@link DpuServiceValues}). The DPUService controller turns it into one Argo CD
 * Application per DPU cluster.
 */
final class DpuServiceComponent implements Component {

  private final String name;

  DpuServiceComponent(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<HasMetadata> render(RenderInputs inputs) throws InvalidConfigException {
    String chartRef = inputs.settings().helmChart() != null
        ? inputs.settings().helmChart() : inputs.defaults().dpuNetworkingHelmChart();
    HelmChartRef chart = HelmChartRef.parse(chartRef);

    HelmSource source = new HelmSource();
    source.setRepoURL(chart.repoURL());
    source.setChart(chart.chart());
    source.setVersion(chart.version());
    HelmChart helmChart = new HelmChart();
    helmChart.setSource(source);
    helmChart.setValues(DpuServiceValues.of(name, inputs));

    DPUServiceSpec spec = new DPUServiceSpec();
    spec.setHelmChart(helmChart);
    DPUService service = new DPUService();
    service.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(inputs.namespace())
        .addToLabels(LabelKeys.COMPONENT, name)
        .addToLabels(LabelKeys.APPLYSET_PART_OF, inputs.applySetId())
        .build());
    service.setSpec(spec);
    return List.of(service);
  }
}
