package io.dpf.operator.inventory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dpf.api.LabelKeys;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfigSpec;
import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.dpf.api.svc.v1alpha1.DPUService;
import io.dpf.api.svc.v1alpha1.DPUServiceSpec;
import io.dpf.api.svc.v1alpha1.HelmChart;
import io.dpf.api.svc.v1alpha1.HelmSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;

/**
 * A DPU-side component: one DPUService named after it, pointing at its subchart of the
 * {@code dpu-networking} umbrella chart (enabled with {@code <component>.enabled}), with image,
 * pull secrets and MTU as Helm values. The DPUService controller turns it into one Argo CD
 * Application per DPU cluster.
 */
final class DpuServiceComponent implements Component {

  private static final int DEFAULT_MTU = 1500;
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
    helmChart.setValues(values(inputs));

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

  private ObjectNode values(RenderInputs inputs) {
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    ObjectNode component = values.putObject(name);
    component.put("enabled", true);
    String image = inputs.image();
    if (image != null) {
      ImageRef ref = ImageRef.parse(image);
      ObjectNode imageNode = component.putObject("image");
      imageNode.put("repository", ref.repository());
      if (ref.tag() != null) {
        imageNode.put("tag", ref.tag());
      }
    }
    if (!inputs.imagePullSecrets().isEmpty()) {
      var secrets = component.putArray("imagePullSecrets");
      inputs.imagePullSecrets().forEach(s -> secrets.addObject().put("name", s));
    }
    DPFOperatorConfigSpec spec = inputs.config().getSpec();
    if (OperatorNames.FLANNEL.equals(name)) {
      component.putObject("flannel").put("mtu", String.valueOf(mtu(spec, true)));
    } else if (OperatorNames.MULTUS.equals(name)) {
      component.put("mtu", mtu(spec, false));
    }
    return values;
  }

  private static int mtu(DPFOperatorConfigSpec spec, boolean controlPlane) {
    if (spec.getNetworking() == null) {
      return DEFAULT_MTU;
    }
    Integer mtu = controlPlane ? spec.getNetworking().getControlPlaneMTU() : spec.getNetworking().getHighSpeedMTU();
    return mtu == null ? DEFAULT_MTU : mtu;
  }
}
