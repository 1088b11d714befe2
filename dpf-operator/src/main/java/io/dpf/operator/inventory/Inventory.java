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
  /** Argo CD's kinds DPF writes (Applications, AppProjects): the operator's or, with {@code --no-argocd}, the user's. */
  public static final List<String> ARGOCD_CRDS = List.of("applications.argoproj.io", "appprojects.argoproj.io");

  private final List<Component> components;
  private final ReleaseDefaults defaults;

  public Inventory(ReleaseDefaults defaults) {
    this(defaults, true);
  }

  /** Without Argo CD when the user runs it ({@code --no-argocd}): nothing of it is deployed or pruned. */
  public Inventory(ReleaseDefaults defaults, boolean withArgoCd) {
    this.defaults = defaults;
    List<Component> all = List.of(
        new ArgoCdComponent(),
        new ProvisioningControllerComponent(),
        new DpuServiceControllerComponent(),
        new DpuServiceComponent(OperatorNames.SERVICECHAINSET_CONTROLLER),
        new DpuServiceComponent(OperatorNames.MULTUS),
        new DpuServiceComponent(OperatorNames.SRIOV_DEVICE_PLUGIN),
        new DpuServiceComponent(OperatorNames.FLANNEL),
        new DpuServiceComponent(OperatorNames.NVIDIA_K8S_IPAM),
        new DpuServiceComponent(OperatorNames.OVS_CNI),
        new DpuServiceComponent(OperatorNames.SFC_CONTROLLER));
    this.components = all.stream().filter(c -> withArgoCd || !ARGOCD.equals(c.name())).toList();
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

  /** The BFB PersistentVolumeClaim the provisioning controller mounts; an error when the spec names none. */
  public static String bfbPvcName(DPFOperatorConfigSpec spec) throws InvalidConfigException {
    return ProvisioningControllerComponent.bfbPvcName(spec);
  }

  public Map<String, ComponentSettings> settings(DPFOperatorConfigSpec spec) throws InvalidConfigException {
    return ComponentSettingsResolver.resolve(spec, names());
  }
}
