package io.dpf.dpuservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.testkit.FlagTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DpuServiceManagerFlagsTest {

  @Test
  void theChartsFlagsKeepTheirMeaning() {
    DpuServiceManagerMain main = new DpuServiceManagerMain();
    ManagerCommand.commandLine(main).parseArgs("--leader-elect", "--http-port=9000");

    assertThat(main.manager.settings(DpuServiceManagerMain.NAME).leaderElectionSettings())
        .hasValueSatisfying(lease -> assertThat(lease.leaseName()).isEqualTo("dpuservice-manager-leader"));
    assertThat(main.manager.settings(DpuServiceManagerMain.NAME).httpPort()).isEqualTo(9000);
  }

  @Test
  void theOperatorsConfigIsNamedByFlagsWithDpfsDefaults() {
    DpuServiceManagerMain defaults = new DpuServiceManagerMain();
    ManagerCommand.commandLine(defaults).parseArgs();
    assertThat(defaults.configNamespace).isEqualTo("dpf-operator-system");
    assertThat(defaults.configName).isEqualTo("dpfoperatorconfig");

    DpuServiceManagerMain named = new DpuServiceManagerMain();
    ManagerCommand.commandLine(named).parseArgs("--config-namespace=dpf", "--config-name=platform");
    assertThat(named.configNamespace).isEqualTo("dpf");
    assertThat(named.configName).isEqualTo("platform");
  }

  @Test
  void theReadmeTableIsTheDeclaredFlags() {
    FlagTable.assertReadmeMatches(Path.of("README.md"), "dpuservice-manager",
        ManagerCommand.commandLine(new DpuServiceManagerMain()));
  }
}
