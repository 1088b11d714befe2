package io.dpf.servicechainset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.testkit.FlagTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServiceChainSetControllerFlagsTest {

  @Test
  void theChartsArgumentsElectALeaderOnItsLease() {
    ServiceChainSetControllerMain main = new ServiceChainSetControllerMain();
    ManagerCommand.commandLine(main).parseArgs("--leader-elect", "--http-port=8081");
    assertThat(main.manager.settings(ServiceChainSetControllerMain.NAME).leaderElectionSettings())
        .hasValueSatisfying(lease -> assertThat(lease.leaseName()).isEqualTo("servicechainset-controller-leader"));
  }

  @Test
  void theReadmeTableIsTheDeclaredFlags() {
    FlagTable.assertReadmeMatches(Path.of("README.md"), "servicechainset-controller",
        ManagerCommand.commandLine(new ServiceChainSetControllerMain()));
  }
}
