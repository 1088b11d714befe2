package io.dpf.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.testkit.FlagTable;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProvisioningFlagsTest {

  @Test
  void theChartsFlagsKeepTheirMeaning() {
    ProvisioningMain main = parsed("--leader-elect", "--bfb-pvc=bfb-pvc", "--image-server-port=8090",
        "--image-server-tls-dir=/etc/dpf/image-server-tls", "--image-server-https", "--host-agent-image=img:1",
        "--image-pull-secret=a", "--image-pull-secret=b");
    ProvisioningSettings settings = main.settings("10.0.0.5");

    assertThat(settings.imageTls()).isEqualTo(ProvisioningSettings.ImageTls.fromSecret(Path.of("/etc/dpf/image-server-tls")));
    assertThat(settings.imageBaseUrl()).isEqualTo("https://10.0.0.5:8090");
    assertThat(settings.bfbDir()).isEqualTo(Path.of("/bfb"));
    assertThat(settings.installTimeout()).isEqualTo(Duration.ofMinutes(120));
    assertThat(main.hostAgentImage).isEqualTo("img:1");
    assertThat(main.imagePullSecrets).containsExactly("a", "b");
    assertThat(main.manager.settings(ProvisioningMain.NAME).leaderElectionSettings()).hasValueSatisfying(lease ->
        assertThat(lease.leaseName()).isEqualTo("dpf-provisioning-controller-manager-leader"));
  }

  @Test
  void anImageUrlWhoseSchemeIsNotServedIsRefused() {
    ProvisioningMain main = parsed("--image-server-https", "--image-base-url=http://images.local:8090");
    assertThatThrownBy(() -> main.settings(null)).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--image-base-url must start with https://");
  }

  @Test
  void theAgentIsASubcommandOfTheSameCommand() {
    CommandLine command = ManagerCommand.commandLine(new ProvisioningMain());
    CommandLine.ParseResult result = command.parseArgs("agent", "--dpu=ns/dpu-0", "--image-url=http://x/y");
    assertThat(result.subcommand().commandSpec().name()).isEqualTo("agent");
  }

  @Test
  void theReadmeTablesAreTheDeclaredFlags() {
    CommandLine command = ManagerCommand.commandLine(new ProvisioningMain());
    FlagTable.assertReadmeMatches(Path.of("README.md"), "provisioning-manager", command);
    FlagTable.assertReadmeMatches(Path.of("README.md"), "agent", command.getSubcommands().get("agent"));
  }

  private static ProvisioningMain parsed(String... args) {
    ProvisioningMain main = new ProvisioningMain();
    ManagerCommand.commandLine(main).parseArgs(args);
    return main;
  }
}
