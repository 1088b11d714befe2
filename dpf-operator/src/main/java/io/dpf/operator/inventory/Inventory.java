package io.dpf.operator.inventory;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfigSpec;
import io.dpf.api.operator.v1alpha1.OperatorNames;
import java.util.List;
import java.util.Map;

/**
 * The system components in the order they are deployed: Argo CD and the two controller-managers
 * on the host cluster, then the DPU-side components as DPUServices.
 */
public final class Inventory {

  public static final String ARGOCD = "argocd";

  private final List<Component> components;
  private final ReleaseDefaults defaults;

  public Inventory(ReleaseDefaults defaults) {
    this.defaults = defaults;
    this.components = List.of(
        new ArgoCdComponent(),
        new ProvisioningControllerComponent(),
        new HostComponent(OperatorNames.DPUSERVICE_CONTROLLER),
        new DpuServiceComponent(OperatorNames.SERVICECHAINSET_CONTROLLER),
        new DpuServiceComponent(OperatorNames.MULTUS),
        new DpuServiceComponent(OperatorNames.SRIOV_DEVICE_PLUGIN),
        new DpuServiceComponent(OperatorNames.FLANNEL),
        new DpuServiceComponent(OperatorNames.NVIDIA_K8S_IPAM),
        new DpuServiceComponent(OperatorNames.OVS_CNI),
        new DpuServiceComponent(OperatorNames.SFC_CONTROLLER));
  }

  public List<Component> components() {
    return components;
  }

  public List<String> names() {
    return components.stream().map(Component::name).toList();
  }

  public ReleaseDefaults defaults() {
    return defaults;
  }

  public Map<String, ComponentSettings> settings(DPFOperatorConfigSpec spec) throws InvalidConfigException {
    return ComponentSettingsResolver.resolve(spec, names());
  }
}
