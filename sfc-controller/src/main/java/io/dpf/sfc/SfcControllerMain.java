package io.dpf.sfc;

import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerOptions;
import io.dpf.sfc.ovs.OvsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sfc-controller [flags]}: the per-node controller of a DPU (DaemonSet). No leader election:
 * one per node, owning the node's objects and switch; {@code --leader-elect} is not for it.
 */
@Command(name = "sfc-controller", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Programs this DPU node's Open vSwitch: ServiceInterfaces become br-sfc ports, ServiceChains "
        + "OpenFlow rules.")
public final class SfcControllerMain implements Callable<Integer> {

  static final String NAME = "sfc-controller";

  @Mixin
  ManagerOptions manager;

  @Option(names = "--node-name", paramLabel = "NODE", defaultValue = "${env:SFC_NODE_NAME}", required = true,
      description = "The DPU node whose objects (spec.node) and switch this controller owns; env SFC_NODE_NAME.")
  String nodeName;

  @Option(names = "--ovs-run-dir", paramLabel = "DIR", defaultValue = "/var/run/openvswitch",
      description = "Open vSwitch's run directory (db.sock, <bridge>.mgmt, ovs-vswitchd.pid), as the host sees it.")
  Path ovsRunDir;

  @Option(names = "--ovs-bin-dir", paramLabel = "DIR", defaultValue = "/usr/bin",
      description = "Where the host's ovs-vsctl and ovs-ofctl are.")
  Path ovsBinDir;

  @Option(names = "--ovs-host-root", paramLabel = "DIR",
      description = "Where the host's root is mounted (in a pod): the OVS tools run chrooted there.")
  Path ovsHostRoot;

  @Option(names = "--interface-type", paramLabel = "TYPE", defaultValue = OvsSettings.DEFAULT_INTERFACE_TYPE,
      description = "OVS interface type of physical, PF and VF ports: dpdk on a BlueField, system for kernel netdevs.")
  String interfaceType;

  @Option(names = "--resync-seconds", paramLabel = "SECONDS", defaultValue = "60",
      description = "How often an unchanged interface or chain is checked against the switch anyway.")
  long resyncSeconds;

  public static void main(String[] args) {
    ManagerCommand.run(new SfcControllerMain(), args);
  }

  NodeSettings nodeSettings() {
    OvsSettings ovs = OvsSettings.defaults().withRunDirectory(ovsRunDir).withBinDirectory(ovsBinDir)
        .withInterfaceType(interfaceType).withHostRoot(ovsHostRoot);
    return NodeSettings.of(nodeName, ovs).withResync(Duration.ofSeconds(resyncSeconds));
  }

  @Override
  public Integer call() throws InterruptedException {
    manager.logFormat().install();
    Manager.run(new ManagerModule(manager.settings(NAME)), new SfcControllerModule(nodeSettings()));
    return 0;
  }
}
