package io.dpf.sfc.ovs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OvsSnapshotTest {

  /** ovs-vsctl 3.1 --format=json output of OvsSnapshot.COMMAND on a switch with a missing PF. */
  // CHECKSTYLE.OFF: LineLength (the tool's output verbatim)
  private static final String OUTPUT = """
      {"data":[["br-sfc",["set",[["uuid","p1"],["uuid","p2"],["uuid","p3"]]]],["br-ovn",["uuid","p4"]]],"headings":["name","ports"]}
      {"data":[[["uuid","p1"],"pf0hpf",["uuid","i1"],["map",[["dpf-type","pf"]]]],[["uuid","p2"],"br-sfc",["uuid","i2"],["map",[]]],[["uuid","p3"],"pf7hpf",["uuid","i3"],["map",[["dpf-type","pf"]]]],[["uuid","p4"],"br-ovn",["uuid","i4"],["map",[]]]],"headings":["_uuid","name","interfaces","external_ids"]}
      {"data":[[["uuid","i1"],"pf0hpf","system",2,["set",[]],["map",[]],["map",[["dpf-id","ns/a"]]]],[["uuid","i2"],"br-sfc","internal",65534,["set",[]],["map",[]],["map",[]]],[["uuid","i3"],"pf7hpf","system",-1,"could not open network device pf7hpf (No such device)",["map",[]],["map",[["dpf-id","ns/c"]]]],[["uuid","i4"],"br-ovn","internal",["set",[]],["set",[]],["map",[]],["map",[]]]],"headings":["_uuid","name","type","ofport","error","options","external_ids"]}
      """;
  // CHECKSTYLE.ON: LineLength

  @Test
  void bridgesPortsAndInterfacesAreReadWithTheirOfportsErrorsAndIds() {
    OvsSnapshot snapshot = OvsSnapshot.parse(OUTPUT);
    assertThat(snapshot.hasBridge("br-sfc")).isTrue();
    assertThat(snapshot.hasBridge("br-hbn")).isFalse();
    assertThat(snapshot.ports("br-sfc")).extracting(OvsPort::name).containsExactly("pf0hpf", "br-sfc", "pf7hpf");
    assertThat(snapshot.ports("br-ovn")).extracting(OvsPort::name).containsExactly("br-ovn");

    OvsPort pf0 = snapshot.portsWithDpfId("ns/a").get(0);
    assertThat(pf0.createdBySfcController()).isTrue();
    assertThat(pf0.interfaces().get(0).ofport()).isEqualTo(2);
    assertThat(pf0.interfaces().get(0).usable()).isTrue();

    OvsInterface missing = snapshot.port("pf7hpf").orElseThrow().interfaces().get(0);
    assertThat(missing.usable()).isFalse();
    assertThat(missing.error()).isEqualTo("could not open network device pf7hpf (No such device)");
    assertThat(snapshot.port("br-ovn").orElseThrow().interfaces().get(0).ofport()).as("not yet numbered").isZero();
  }

  @Test
  void toolErrorsLoseTheirPrefixAndTheLogDirectoryHint() {
    assertThat(OvsTools.essence("""
        ovs-vsctl: no bridge named br-ovn
        ovs-vsctl: The default log directory is "/var/log/openvswitch".
        """)).isEqualTo("no bridge named br-ovn");
  }
}
