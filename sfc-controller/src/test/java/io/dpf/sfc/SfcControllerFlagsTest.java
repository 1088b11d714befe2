package io.dpf.sfc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.runtime.manager.ManagerCommand;
import io.dpf.testkit.FlagTable;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SfcControllerFlagsTest {

  @Test
  void theChartsArgumentsBecomeTheNodesSettings_withoutLeaderElection() {
    SfcControllerMain main = new SfcControllerMain();
    ManagerCommand.commandLine(main).parseArgs("--node-name=dpu-1", "--ovs-host-root=/host",
        "--ovs-run-dir=/var/run/openvswitch", "--ovs-bin-dir=/usr/bin", "--interface-type=dpdk", "--resync-seconds=30",
        "--http-port=61181");
    NodeSettings settings = main.nodeSettings();
    assertThat(settings.nodeName()).isEqualTo("dpu-1");
    assertThat(settings.resync()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.ovs().vswitchdPidFile()).isEqualTo(Path.of("/host/var/run/openvswitch/ovs-vswitchd.pid"));
    assertThat(settings.ovs().database()).isEqualTo("unix:/var/run/openvswitch/db.sock");
    assertThat(main.manager.settings(SfcControllerMain.NAME).leaderElectionSettings()).isEmpty();
    assertThat(main.manager.settings(SfcControllerMain.NAME).httpPort()).isEqualTo(61181);
  }

  @Test
  void theReadmeTableIsTheDeclaredFlags() {
    FlagTable.assertReadmeMatches(Path.of("README.md"), "sfc-controller", ManagerCommand.commandLine(new SfcControllerMain()));
  }
}
