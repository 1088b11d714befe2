package io.dpf.operator;

import io.dpf.api.operator.v1alpha1.OperatorNames;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dpf-operator [flags]}: the flags are declared here and in {@link ManagerOptions}; see {@code --help}. */
@Command(name = "dpf-operator", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Reconciles the singleton DPFOperatorConfig: system components, pull secrets, OVN-Kubernetes.")
public final class OperatorMain implements Callable<Integer> {

  @Option(names = "--config-namespace", paramLabel = "NAMESPACE", defaultValue = OperatorNames.CONFIG_NAMESPACE,
      description = "Namespace of the DPFOperatorConfig this operator reconciles (and of what it deploys).")
  String configNamespace;

  @Option(names = "--config-name", paramLabel = "NAME", defaultValue = OperatorNames.CONFIG_NAME,
      description = "Name of that DPFOperatorConfig; any other is ignored and says so (Ready=False, reason Ignored).")
  String configName;

  @Option(names = "--dpu-networking-helm-chart", paramLabel = "REF",
      description = "Chart of the system DPUServices, <oci:// or https:// repo>/<chart>:<version> (default: this "
          + "release's dpu-networking chart); a component's spec.<component>.helmChart still wins.")
  String dpuNetworkingHelmChart;

  @Option(names = "--no-argocd",
      description = "Do not deploy Argo CD: the user runs it (DPF's prerequisite since v25.7), watching the config's "
          + "namespace.")
  boolean noArgoCd;

  @Mixin
  ManagerOptions manager;

  public static void main(String[] args) {
    ManagerCommand.run(new OperatorMain(), args);
  }

  @Override
  public Integer call() throws InterruptedException {
    manager.logFormat().install();
    Manager.run(new ManagerModule(manager.settings("dpf-operator")),
        new OperatorModule(new OperatorSettings(configNamespace, configName, dpuNetworkingHelmChart, !noArgoCd)));
    return 0;
  }
}
