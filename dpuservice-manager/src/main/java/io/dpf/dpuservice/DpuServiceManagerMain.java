package io.dpf.dpuservice;

import io.dpf.runtime.manager.LeaderElectionSettings;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;

/** {@code dpuservice-manager [--http-port=8081] [--leader-elect]}. */
public final class DpuServiceManagerMain {

  static final String NAME = "dpuservice-manager";

  private DpuServiceManagerMain() {}

  public static void main(String[] args) throws InterruptedException {
    // Named so that embedding the manager (the demo, tests) never finds two logback.xml files.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dpuservice-manager-logback.xml");
    }
    ManagerSettings manager = ManagerSettings.inCluster(NAME).withoutLeaderElection();
    for (String arg : args) {
      if (arg.startsWith("--http-port=")) {
        manager = manager.withHttpPort(Integer.parseInt(arg.substring("--http-port=".length())));
      } else if (arg.equals("--leader-elect")) {
        manager = manager.withLeaderElection(
            LeaderElectionSettings.of(LeaderElectionSettings.podNamespace(), NAME + "-leader"));
      } else {
        System.err.println("unknown argument " + arg + "; usage: dpuservice-manager [--http-port=8081] [--leader-elect]");
        System.exit(2);
      }
    }
    Manager.run(new ManagerModule(manager), new DpuServiceManagerModule());
  }
}
