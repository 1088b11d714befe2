package io.dpf.sfc.chains;

import static org.assertj.core.api.Assertions.assertThat;

import io.dpf.sfc.ovs.InstalledFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainFlowsTest {

  private static final long COOKIE = ChainCookie.of("default", "chain-a");

  @Test
  void cookieIsTheFnv1a64OfNamespaceSlashNameAsDpfComputesIt() {
    assertThat(ChainCookie.hex(COOKIE)).isEqualTo("0x1b57b70f95c308ba");
    assertThat(ChainCookie.hex(ChainCookie.of("ns", "b"))).isEqualTo("0x4a7c7aba48dd896b");
  }

  @Test
  void everyPortOfASwitchLearnsFromAndFloodsToEachOtherPort_aLonePortGetsNothing() {
    assertThat(ChainFlows.of(List.of(List.of(1, 2, 3), List.of(7), List.of(4, 5, 4))))
        .containsExactly(new ChainFlow(1, List.of(2, 3)), new ChainFlow(2, List.of(1, 3)), new ChainFlow(3, List.of(1, 2)),
            new ChainFlow(4, List.of(5)), new ChainFlow(5, List.of(4)));
  }

  @Test
  void renderedFlowIsTableZeroPriorityTwentyWithLearnPerPeerThenOutputs() {
    assertThat(ChainFlows.render(COOKIE, new ChainFlow(1, List.of(2, 3)))).isEqualTo(
        "cookie=0x1b57b70f95c308ba,table=0,priority=20,in_port=1,actions="
            + "learn(table=0,idle_timeout=10,priority=30,cookie=0x1b57b70f95c308ba,in_port=2,"
            + "NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[]),"
            + "learn(table=0,idle_timeout=10,priority=30,cookie=0x1b57b70f95c308ba,in_port=3,"
            + "NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[]),output:2,output:3");
  }

  /** As Open vSwitch 3.1 prints them back (dump-flows --no-stats), learnt flow included. */
  // CHECKSTYLE.OFF: LineLength (the tool's output verbatim)
  private static final String DUMP = """
      NXST_FLOW reply (xid=0x4):
       cookie=0x1b57b70f95c308ba, idle_timeout=10, priority=30,in_port=2,dl_dst=02:dd:2f:27:99:a1 actions=output:1
       cookie=0x1b57b70f95c308ba, priority=20,in_port=1 actions=learn(table=0,idle_timeout=10,priority=30,cookie=0x1b57b70f95c308ba,in_port=2,NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[]),output:2
       cookie=0x1b57b70f95c308ba, priority=20,in_port=2 actions=learn(table=0,idle_timeout=10,priority=30,cookie=0x1b57b70f95c308ba,in_port=1,NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[]),output:1
       cookie=0x4a7c7aba48dd896b, table=0, priority=20,in_port=5 actions=output:6
      """;
  // CHECKSTYLE.ON: LineLength

  @Test
  void dumpIsReadBackIntoChainFlows_andTheSameFlowsAreUpToDate() {
    List<InstalledFlow> installed = InstalledFlow.parseDump(DUMP);
    assertThat(installed).hasSize(4);
    assertThat(installed.get(0).priority()).isEqualTo(30);
    assertThat(installed.get(1).cookie()).isEqualTo(COOKIE);
    assertThat(installed.get(1).match()).containsEntry("in_port", "1");
    List<InstalledFlow> ours = installed.stream().filter(f -> f.cookie() == COOKIE).toList();
    assertThat(ChainFlows.upToDate(ChainFlows.of(List.of(List.of(1, 2))), ours)).isTrue();
  }

  @Test
  void aMissingAChangedOrAForeignFlowIsNotUpToDate() {
    List<InstalledFlow> ours = InstalledFlow.parseDump(DUMP).stream().filter(f -> f.cookie() == COOKIE).toList();
    assertThat(ChainFlows.upToDate(ChainFlows.of(List.of(List.of(1, 2, 3))), ours)).as("a port more").isFalse();
    assertThat(ChainFlows.upToDate(ChainFlows.of(List.of(List.of(1, 2))), ours.subList(0, 2))).as("one gone").isFalse();
    assertThat(ChainFlows.upToDate(ChainFlows.of(List.of(List.of(1, 2))), List.of())).as("all gone").isFalse();
    List<InstalledFlow> edited = InstalledFlow.parseDump(
        " cookie=0x1b57b70f95c308ba, priority=20,in_port=1 actions=output:2\n"
            + " cookie=0x1b57b70f95c308ba, priority=20,in_port=2"
            + " actions=learn(table=0,in_port=1,output:NXM_OF_IN_PORT[]),output:1");
    assertThat(ChainFlows.upToDate(ChainFlows.of(List.of(List.of(1, 2))), edited)).as("learn removed by hand").isFalse();
    assertThat(ChainFlows.upToDate(List.of(), List.of())).as("nothing wanted, nothing there").isTrue();
  }
}
