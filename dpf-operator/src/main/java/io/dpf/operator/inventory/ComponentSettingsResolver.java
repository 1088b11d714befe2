package io.dpf.operator.inventory;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfigSpec;
import io.dpf.api.operator.v1alpha1.FlannelConfiguration;
import io.dpf.api.operator.v1alpha1.HelmComponentConfiguration;
import io.dpf.api.operator.v1alpha1.ImageComponentConfiguration;
import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.dpf.api.operator.v1alpha1.ProvisioningControllerConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads per-component settings from both shapes of the spec: the v25.1 fields
 * ({@code spec.<component>.disable/image/helmChart}) and the early {@code overrides.disableSystemComponents}.
 */
final class ComponentSettingsResolver {

  private ComponentSettingsResolver() {}

  static Map<String, ComponentSettings> resolve(DPFOperatorConfigSpec spec, List<String> inventory)
      throws InvalidConfigException {
    List<String> disabled = spec.getOverrides() == null ? null : spec.getOverrides().getDisableSystemComponents();
    if (disabled != null) {
      for (String name : disabled) {
        if (!inventory.contains(name)) {
          throw new InvalidConfigException("overrides.disableSystemComponents names unknown component \"" + name
              + "\"; known components: " + String.join(", ", inventory));
        }
      }
    }
    return settings(spec, inventory);
  }

  /** Whether the spec leaves one component enabled, decided as {@link #resolve} does. */
  static boolean enabled(DPFOperatorConfigSpec spec, String name) {
    return settings(spec, List.of(name)).get(name).enabled();
  }

  private static Map<String, ComponentSettings> settings(DPFOperatorConfigSpec spec, List<String> inventory) {
    Map<String, ComponentSettings> settings = new LinkedHashMap<>();
    inventory.forEach(name -> settings.put(name, ComponentSettings.defaults(name)));
    ProvisioningControllerConfiguration provisioning = spec.getProvisioningController();
    if (provisioning != null) {
      put(settings, OperatorNames.PROVISIONING_CONTROLLER, provisioning.getDisable(), provisioning.getImage(), null);
    }
    image(settings, OperatorNames.DPUSERVICE_CONTROLLER, spec.getDpuServiceController());
    helm(settings, OperatorNames.SERVICECHAINSET_CONTROLLER, spec.getServiceSetController());
    helm(settings, OperatorNames.MULTUS, spec.getMultus());
    helm(settings, OperatorNames.SRIOV_DEVICE_PLUGIN, spec.getSriovDevicePlugin());
    helm(settings, OperatorNames.NVIDIA_K8S_IPAM, spec.getNvipam());
    helm(settings, OperatorNames.OVS_CNI, spec.getOvsCNI());
    helm(settings, OperatorNames.SFC_CONTROLLER, spec.getSfcController());
    FlannelConfiguration flannel = spec.getFlannel();
    if (flannel != null) {
      put(settings, OperatorNames.FLANNEL, flannel.getDisable(), null, flannel.getHelmChart());
    }
    List<String> disabled = spec.getOverrides() == null ? null : spec.getOverrides().getDisableSystemComponents();
    if (disabled != null) {
      for (String name : disabled) {
        ComponentSettings current = settings.get(name);
        if (current != null) {
          settings.put(name, new ComponentSettings(name, false, current.image(), current.helmChart()));
        }
      }
    }
    return settings;
  }

  private static void image(Map<String, ComponentSettings> settings, String name, ImageComponentConfiguration c) {
    if (c != null) {
      put(settings, name, c.getDisable(), c.getImage(), null);
    }
  }

  private static void helm(Map<String, ComponentSettings> settings, String name, HelmComponentConfiguration c) {
    if (c != null) {
      put(settings, name, c.getDisable(), c.getImage(), c.getHelmChart());
    }
  }

  private static void put(Map<String, ComponentSettings> settings, String name, Boolean disable, String image,
      String helmChart) {
    if (settings.containsKey(name)) {
      settings.put(name, new ComponentSettings(name, !Boolean.TRUE.equals(disable), image, helmChart));
    }
  }
}
