package io.dpf.sfc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dpf.sfc.chains.ChainCookie;
import io.dpf.sfc.chains.ChainFlow;
import io.dpf.sfc.chains.ChainFlows;
import io.dpf.sfc.ovs.InstalledFlow;
import io.dpf.sfc.ovs.OpenFlowTable;
import io.dpf.sfc.ovs.OvsException;
import io.dpf.sfc.ovs.OvsInterface;
import io.dpf.sfc.ovs.OvsPorts;
import io.dpf.sfc.ovs.OvsSettings;
import io.dpf.sfc.ovs.OvsSnapshot;
import io.dpf.sfc.ovs.OvsTools;
import io.dpf.testkit.LocalOpenVswitch;
import io.dpf.testkit.WorkloadEndpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OVS layer of the sfc-controller against a real Open vSwitch (userspace datapath): what
 * ovs-vsctl and ovs-ofctl of this OVS version print is what our readers parse, bundles replace a
 * chain's flows, and traffic between two namespaces passes only through installed chain flows.
 */
class OvsSwitchIT {

  private static LocalOpenVswitch ovs;
  private static OvsPorts ports;
  private static OpenFlowTable table;

  @BeforeAll
  static void startSwitch() {
    assumeTrue(LocalOpenVswitch.unavailableReason().isEmpty(), () -> LocalOpenVswitch.unavailableReason().get());
    ovs = LocalOpenVswitch.start("ovs-switch-it");
    ovs.addBridge("br-sfc");
    OvsTools tools = new OvsTools(settings(ovs));
    ports = new OvsPorts(tools);
    table = new OpenFlowTable(tools, "br-sfc");
  }

  @AfterAll
  static void stopSwitch() {
    if (ovs != null) {
      ovs.close();
    }
  }

  static OvsSettings settings(LocalOpenVswitch ovs) {
    return new OvsSettings(ovs.runDirectory(), Path.of("/usr/bin"), "system", Duration.ofSeconds(5), null);
  }

  @Test
  void portsAreCreatedWithTheirIds_aMissingDeviceShowsItsErrorAndNoOfport() {
    ovs.addNetdev("pf1hpf");
    ports.ensure("br-sfc", "pf1hpf", "system", Map.of(), Map.of("dpf-id", "ns/host"), Map.of("dpf-type", "pf"));
    // ovs-vsctl warns and succeeds: the port exists, ovs-vswitchd cannot open it; the Interface row says why.
    ports.ensure("br-sfc", "pf9hpf", "system", Map.of(), Map.of("dpf-id", "ns/none"), Map.of("dpf-type", "pf"));
    OvsSnapshot snapshot = ports.snapshot();
    OvsInterface host = snapshot.portsWithDpfId("ns/host").get(0).interfaces().get(0);
    assertThat(host.usable()).as(host.toString()).isTrue();
    assertThat(host.type()).isEqualTo("system");
    assertThat(snapshot.port("pf1hpf").orElseThrow().createdBySfcController()).isTrue();
    OvsInterface missing = snapshot.port("pf9hpf").orElseThrow().interfaces().get(0);
    assertThat(missing.usable()).isFalse();
    assertThat(missing.error()).isEqualTo("could not open network device pf9hpf (No such device)");
    assertThat(missing.ofport()).isEqualTo(-1);
    assertThatThrownBy(() -> ports.ensure("br-nope", "pf3hpf", "system", Map.of(), Map.of(), Map.of()))
        .isInstanceOf(OvsException.class).hasMessage("ovs-vsctl add-port failed: no bridge named br-nope");

    ports.delete("pf9hpf");
    ports.delete("pf1hpf");
    assertThat(ovs.ports("br-sfc")).doesNotContain("pf1hpf", "pf9hpf");
  }

  @Test
  void aChainsFlowsAreInstalledInOneBundle_readBackEqual_andCarryTrafficThatIsDroppedWithoutThem() {
    WorkloadEndpoint left = ovs.addWorkload("pf0hpf", "10.77.0.1/24");
    WorkloadEndpoint right = ovs.addWorkload("pf0vf0", "10.77.0.2/24");
    ports.ensure("br-sfc", "pf0hpf", "system", Map.of(), Map.of("dpf-id", "ns/left"), Map.of("dpf-type", "pf"));
    ports.ensure("br-sfc", "pf0vf0", "system", Map.of(), Map.of("dpf-id", "ns/right"), Map.of("dpf-type", "vf"));
    OvsSnapshot snapshot = ports.snapshot();
    int l = (int) snapshot.port("pf0hpf").orElseThrow().interfaces().get(0).ofport();
    int r = (int) snapshot.port("pf0vf0").orElseThrow().interfaces().get(0).ofport();
    assertThat(left.ping(right.address())).as("secure bridge without flows forwards nothing").isFalse();

    long cookie = ChainCookie.of("ns", "chain");
    List<ChainFlow> desired = ChainFlows.of(List.of(List.of(l, r)));
    table.replace(cookie, desired.stream().map(f -> ChainFlows.render(cookie, f)).toList());
    List<InstalledFlow> ours = table.dump().stream().filter(f -> f.cookie() == cookie).toList();
    assertThat(ChainFlows.upToDate(desired, ours)).as("read back: %s", ovs.flows("br-sfc")).isTrue();
    assertThat(left.ping(right.address())).as("ping through the chain").isTrue();
    assertThat(table.dump()).as("MACs learnt under the chain's cookie")
        .anyMatch(f -> f.cookie() == cookie && f.priority() == ChainFlows.LEARNT_PRIORITY);

    table.replace(cookie, List.of());
    assertThat(table.dump()).noneMatch(f -> f.cookie() == cookie);
    assertThat(left.ping(right.address())).isFalse();
  }

  @Test
  void aRestartedVswitchdHasLostItsFlowsButKeptItsPorts() {
    ovs.addNetdev("pf2hpf");
    ports.ensure("br-sfc", "pf2hpf", "system", Map.of(), Map.of("dpf-id", "ns/restart"), Map.of("dpf-type", "pf"));
    long cookie = ChainCookie.of("ns", "restart");
    table.replace(cookie, List.of("cookie=" + ChainCookie.hex(cookie) + ",table=0,priority=20,in_port=1,actions=drop"));
    long before = ovs.vswitchdPid();
    ovs.restartVswitchd();
    assertThat(ovs.vswitchdPid()).isNotEqualTo(before);
    assertThat(table.dump()).noneMatch(f -> f.cookie() == cookie);
    assertThat(ports.snapshot().portsWithDpfId("ns/restart")).hasSize(1);
    ports.delete("pf2hpf");
  }
}
