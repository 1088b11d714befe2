package io.dpf.operator;

import io.dpf.runtime.manager.LeaderElectionSettings;
import io.dpf.runtime.manager.Manager;
import io.dpf.runtime.manager.ManagerModule;
import io.dpf.runtime.manager.ManagerSettings;

/**
 * {@code dpf-operator [--config-namespace=ns] [--config-name=name] [--http-port=8081] [--leader-elect]}.
 */
public final class OperatorMain {

  private OperatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    // Named so that embedding the operator (the demo, tests) never finds two logback.xml files.
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dpf-operator-logback.xml");
    }
    OperatorSettings operator = OperatorSettings.defaults();
    ManagerSettings manager = ManagerSettings.inCluster("dpf-operator").withoutLeaderElection();
    for (String arg : args) {
      String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
      if (arg.startsWith("--config-namespace=")) {
        operator = new OperatorSettings(value, operator.name());
      } else if (arg.startsWith("--config-name=")) {
        operator = new OperatorSettings(operator.namespace(), value);
      } else if (arg.startsWith("--http-port=")) {
        manager = manager.withHttpPort(Integer.parseInt(value));
      } else if (arg.equals("--leader-elect")) {
        manager = manager.withLeaderElection(
            LeaderElectionSettings.of(LeaderElectionSettings.podNamespace(), "dpf-operator-leader"));
      } else {
        System.err.println("unknown argument " + arg
            + "; usage: dpf-operator [--config-namespace=ns] [--config-name=name] [--http-port=8081] [--leader-elect]");
        System.exit(2);
      }
    }
    Manager.run(new ManagerModule(manager), new OperatorModule(operator));
  }
}
