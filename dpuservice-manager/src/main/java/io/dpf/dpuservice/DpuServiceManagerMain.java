package io.dpf.dpuservice;

import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dpuservice-manager [flags]}: the flags are declared here and in {@link ManagerOptions}; see {@code --help}. */
@Command(name = "dpuservice-manager", mixinStandardHelpOptions = true, sortOptions = false,
    description = "The DPUService controller-manager: DPUService, DPUServiceChain, DPUServiceInterface, "
        + "DPUServiceIPAM, DPUServiceCredentialRequest and DPUDeployment controllers.")
public final class DpuServiceManagerMain implements Callable<Integer> {

  static final String NAME = "dpuservice-manager";

  @Option(names = "--config-namespace", paramLabel = "NAMESPACE", defaultValue = OperatorNames.CONFIG_NAMESPACE,
      description = "Namespace of the operator's DPFOperatorConfig: Argo CD's namespace, where Applications, "
          + "AppProjects and cluster Secrets go.")
  String configNamespace;

  @Option(names = "--config-name", paramLabel = "NAME", defaultValue = OperatorNames.CONFIG_NAME,
      description = "Name of that DPFOperatorConfig (the owner of the Argo CD objects); any other is ignored.")
  String configName;

  @Mixin
  ManagerOptions manager;

  public static void main(String[] args) {
    ManagerCommand.run(new DpuServiceManagerMain(), args);
  }

  @Override
  public Integer call() throws InterruptedException {
    manager.logFormat().install();
    Manager.run(new ManagerModule(manager.settings(NAME)),
        new DpuServiceManagerModule(new ResourceKey(configNamespace, configName)));
    return 0;
  }
}
