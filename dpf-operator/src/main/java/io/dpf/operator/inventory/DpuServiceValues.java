package io.dpf.operator.inventory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dpf.api.operator.v1alpha1.ContainerImageConfiguration;
import io.dpf.api.operator.v1alpha1.DPFOperatorConfigSpec;
import io.dpf.api.operator.v1alpha1.FlannelConfiguration;
import io.dpf.api.operator.v1alpha1.Networking;
import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.dpf.api.operator.v1alpha1.Overrides;
import java.util.function.Function;

/**
 * The Helm values of one DPU-side component's DPUService, under its subchart's key in the
 * {@code dpu-networking} chart: what DPF injects from the DPFOperatorConfig (images, pull secrets,
 * MTUs, the pod CIDR, the DPUs' CNI and Open vSwitch paths). The defaults are DPF's, and the
 * values are always set, so a DPUService says in full what its DPUs get.
 */
final class DpuServiceValues {

  static final int DEFAULT_MTU = 1500;
  static final String DEFAULT_CNI_BIN_PATH = "/opt/cni/bin";
  static final String DEFAULT_CNI_PATH = "/etc/cni/net.d/";
  static final String DEFAULT_OPENVSWITCH_RUN_PATH = "/var/run/openvswitch/";
  static final String DEFAULT_POD_CIDR = "10.244.0.0/14";

  private DpuServiceValues() {}

  static ObjectNode of(String component, RenderInputs inputs) {
    ObjectNode values = JsonNodeFactory.instance.objectNode();
    ObjectNode chart = values.putObject(component);
    chart.put("enabled", true);
    if (inputs.image() != null) {
      putImage(chart.putObject("image"), inputs.image());
    }
    if (!inputs.imagePullSecrets().isEmpty()) {
      var secrets = chart.putArray("imagePullSecrets");
      inputs.imagePullSecrets().forEach(s -> secrets.addObject().put("name", s));
    }
    DPFOperatorConfigSpec spec = inputs.config().getSpec();
    switch (component) {
      case OperatorNames.MULTUS -> {
        chart.put("mtu", mtu(spec, Networking::getHighSpeedMTU));
        putCniPaths(chart, spec);
      }
      case OperatorNames.FLANNEL -> flannel(chart, spec);
      case OperatorNames.NVIDIA_K8S_IPAM -> putCniPaths(chart, spec);
      case OperatorNames.OVS_CNI -> {
        chart.put("cniBinDir", cniBinPath(spec));
        chart.put("openvSwitchRunDir", override(spec, Overrides::getDpuOpenvSwitchRunPath, DEFAULT_OPENVSWITCH_RUN_PATH));
      }
      default -> { }
    }
    return values;
  }

  /** Flannel's chart keeps its settings under a second {@code flannel} key, as flannel's own chart does. */
  private static void flannel(ObjectNode chart, DPFOperatorConfigSpec spec) {
    FlannelConfiguration config = spec.getFlannel();
    String podCidr = config == null || config.getPodCIDR() == null ? DEFAULT_POD_CIDR : config.getPodCIDR();
    chart.put("podCidr", podCidr);
    ObjectNode flannel = chart.putObject("flannel");
    flannel.put("mtu", String.valueOf(mtu(spec, Networking::getControlPlaneMTU)));
    flannel.put("cniBinDir", cniBinPath(spec));
    flannel.put("cniConfDir", cniPath(spec));
    Boolean skip = spec.getOverrides() == null ? null : spec.getOverrides().getFlannelSkipCNIConfigInstallation();
    // Multus's configuration calls flannel; without Multus, flannel's own is the DPUs' CNI config.
    flannel.put("skipCNIConfigInstallation",
        skip != null ? skip : ComponentSettingsResolver.enabled(spec, OperatorNames.MULTUS));
    if (config != null) {
      putContainerImage(flannel, "image", config.getDaemon());
      putContainerImage(flannel, "image_cni", config.getCni());
    }
  }

  private static void putCniPaths(ObjectNode chart, DPFOperatorConfigSpec spec) {
    chart.put("cniBinDir", cniBinPath(spec));
    chart.put("cniConfDir", cniPath(spec));
  }

  private static String cniBinPath(DPFOperatorConfigSpec spec) {
    return override(spec, Overrides::getDpuCNIBinPath, DEFAULT_CNI_BIN_PATH);
  }

  private static String cniPath(DPFOperatorConfigSpec spec) {
    return override(spec, Overrides::getDpuCNIPath, DEFAULT_CNI_PATH);
  }

  private static void putContainerImage(ObjectNode parent, String key, ContainerImageConfiguration container) {
    if (container != null && container.getImage() != null) {
      putImage(parent.putObject(key), container.getImage());
    }
  }

  /**
   * An empty tag for an image pinned by digest alone, so the chart's own tag does not end up beside
   * the digest; no tag at all (the chart's tag stays) for an image given without one.
   */
  private static void putImage(ObjectNode image, String reference) {
    ImageRef ref = ImageRef.parse(reference);
    image.put("repository", ref.repository());
    if (ref.tag() != null) {
      image.put("tag", ref.tag());
    }
  }

  private static int mtu(DPFOperatorConfigSpec spec, Function<Networking, Integer> field) {
    Integer mtu = spec.getNetworking() == null ? null : field.apply(spec.getNetworking());
    return mtu == null ? DEFAULT_MTU : mtu;
  }

  private static String override(DPFOperatorConfigSpec spec, Function<Overrides, String> field, String otherwise) {
    String value = spec.getOverrides() == null ? null : field.apply(spec.getOverrides());
    return value == null || value.isEmpty() ? otherwise : value;
  }
}
