package io.dpf.servicechainset;

import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code servicechainset-controller [flags]}: the set controllers of one DPU cluster, in that cluster
 * (docs/adr/0003). The cluster is the one the environment names: the pod's service account, or
 * {@code KUBECONFIG} / {@code ~/.kube/config}.
 */
@Command(name = "servicechainset-controller", mixinStandardHelpOptions = true, sortOptions = false,
    description = "ServiceChainSet and ServiceInterfaceSet controllers of a DPU cluster: one ServiceChain / "
        + "ServiceInterface per selected node.")
public final class ServiceChainSetControllerMain implements Callable<Integer> {

  static final String NAME = "servicechainset-controller";

  @Mixin
  ManagerOptions manager;

  public static void main(String[] args) {
    ManagerCommand.run(new ServiceChainSetControllerMain(), args);
  }

  @Override
  public Integer call() throws InterruptedException {
    manager.logFormat().install();
    Manager.run(new ManagerModule(manager.settings(NAME)), new ServiceSetModule());
    return 0;
  }
}
