package io.dpf.operator.inventory;

import io.dpf.api.operator.v1alpha1.DPFOperatorConfigSpec;
import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;

/** The provisioning controller-manager: the BFB PVC mounted at /bfb and passed as flags. */
final class ProvisioningControllerComponent extends HostComponent {

  ProvisioningControllerComponent() {
    super(OperatorNames.PROVISIONING_CONTROLLER);
  }

  @Override
  public List<HasMetadata> render(RenderInputs inputs) throws InvalidConfigException {
    String pvc = bfbPvcName(inputs.config().getSpec());
    List<HasMetadata> objects = super.render(inputs);
    for (HasMetadata object : objects) {
      if (object instanceof Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null)
            .forEach(v -> v.getPersistentVolumeClaim().setClaimName(pvc));
        pod.getContainers().stream().filter(c -> HostEdits.MANAGER_CONTAINER.equals(c.getName()))
            .forEach(c -> setFlags(c, pvc, inputs));
      }
    }
    return objects;
  }

  static String bfbPvcName(DPFOperatorConfigSpec spec) throws InvalidConfigException {
    String pvc = spec.getProvisioningController() != null ? spec.getProvisioningController().getBfbPVCName()
        : spec.getProvisioningConfiguration() != null ? spec.getProvisioningConfiguration().getBfbPVCName() : null;
    if (pvc == null || pvc.isBlank()) {
      throw new InvalidConfigException("the provisioning controller needs a BFB PersistentVolumeClaim: set "
          + "spec.provisioningController.bfbPVCName (or spec.provisioningConfiguration.bfbPVCName)");
    }
    return pvc;
  }

  private static void setFlags(Container manager, String pvc, RenderInputs inputs) {
    List<String> args = new ArrayList<>();
    for (String arg : manager.getArgs()) {
      if (!arg.startsWith("--bfb-pvc=") && !arg.startsWith("--image-pull-secret=")) {
        args.add(arg);
      }
    }
    args.add("--bfb-pvc=" + pvc);
    // The manager's flag is repeatable, one secret each (a comma list is refused at start-up).
    inputs.imagePullSecrets().forEach(secret -> args.add("--image-pull-secret=" + secret));
    var provisioning = inputs.config().getSpec().getProvisioningController();
    if (provisioning != null && provisioning.getDmsTimeout() != null) {
      args.add("--dms-timeout=" + provisioning.getDmsTimeout());
    }
    manager.setArgs(args);
  }
}
