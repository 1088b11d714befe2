package io.dpf.operator.inventory;

import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;

/**
 * The DPUService controller-manager, told which DPFOperatorConfig is the operator's
 * ({@code --config-namespace}, {@code --config-name}): it finds Argo CD's namespace by that name,
 * never by counting configs.
 */
final class DpuServiceControllerComponent extends HostComponent {

  DpuServiceControllerComponent() {
    super(OperatorNames.DPUSERVICE_CONTROLLER);
  }

  @Override
  public List<HasMetadata> render(RenderInputs inputs) throws InvalidConfigException {
    List<HasMetadata> objects = super.render(inputs);
    for (HasMetadata object : objects) {
      if (object instanceof Deployment deployment) {
        deployment.getSpec().getTemplate().getSpec().getContainers().stream()
            .filter(c -> HostEdits.MANAGER_CONTAINER.equals(c.getName()))
            .forEach(c -> setFlags(c, inputs));
      }
    }
    return objects;
  }

  private static void setFlags(Container manager, RenderInputs inputs) {
    List<String> args = new ArrayList<>();
    for (String arg : manager.getArgs() == null ? List.<String>of() : manager.getArgs()) {
      if (!arg.startsWith("--config-namespace=") && !arg.startsWith("--config-name=")) {
        args.add(arg);
      }
    }
    args.add("--config-namespace=" + inputs.config().getMetadata().getNamespace());
    args.add("--config-name=" + inputs.config().getMetadata().getName());
    manager.setArgs(args);
  }
}
