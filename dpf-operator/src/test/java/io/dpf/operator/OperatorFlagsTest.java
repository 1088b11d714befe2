package io.dpf.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.runtime.manager.LogFormat;
import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.testkit.FlagTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OperatorFlagsTest {

  @Test
  void theChartsFlagsKeepTheirMeaning() {
    OperatorMain main = new OperatorMain();
    ManagerCommand.commandLine(main).parseArgs("--leader-elect", "--config-namespace=dpf", "--config-name=cfg",
        "--dpu-networking-helm-chart=https://127.0.0.1:8443/dpu-networking:0.1.0");

    assertThat(main.configNamespace).isEqualTo("dpf");
    assertThat(main.configName).isEqualTo("cfg");
    assertThat(main.dpuNetworkingHelmChart).isEqualTo("https://127.0.0.1:8443/dpu-networking:0.1.0");
    assertThat(main.manager.settings("dpf-operator").leaderElectionSettings()).hasValueSatisfying(lease ->
        assertThat(lease.leaseName()).isEqualTo("dpf-operator-leader"));
    assertThat(main.manager.settings("dpf-operator").httpPort()).isEqualTo(8081);
  }

  @Test
  void defaultsAreTheSeedsConfigWithoutLeaderElectionAndTextLogs() {
    OperatorMain main = new OperatorMain();
    ManagerCommand.commandLine(main).parseArgs();

    assertThat(new OperatorSettings(main.configNamespace, main.configName, main.dpuNetworkingHelmChart,
        !main.noArgoCd)).isEqualTo(OperatorSettings.defaults());
    assertThat(main.manager.settings("dpf-operator").leaderElectionSettings()).isEmpty();
    assertThat(main.manager.logFormat()).isEqualTo(System.getenv("DPF_LOG_FORMAT") == null ? LogFormat.text
        : LogFormat.valueOf(System.getenv("DPF_LOG_FORMAT")));
  }

  @Test
  void aBadFlagIsRefusedWithUsageAndHelpExitsCleanly() {
    CommandLine command = ManagerCommand.commandLine(new OperatorMain());
    StringWriter err = new StringWriter();
    command.setErr(new PrintWriter(err));
    command.setOut(new PrintWriter(new StringWriter()));

    assertThat(command.execute("--http-port=eighty")).isEqualTo(2);
    assertThat(err.toString()).contains("--http-port").contains("Usage: dpf-operator");
    assertThat(command.execute("--help")).isZero();
  }

  @Test
  void theReadmeTableIsTheDeclaredFlags() {
    FlagTable.assertReadmeMatches(Path.of("README.md"), "dpf-operator", ManagerCommand.commandLine(new OperatorMain()));
  }
}
