package io.dpf.sfc.ovs;

/** Snapshots as ovs-vsctl prints them, for unit tests of what reads them. */
public final class OvsSnapshotFixture {

  private OvsSnapshotFixture() {}

  /**
   * br-sfc with p0 (ofport 1), pf0hpf (2), the firewall pod's eth1 (3, dpf-id by ovs-cni), a PF that
   * does not exist (pf7hpf, -1) and the HBN patch port pp0_ifbrsfc (9); br-hbn with the HBN pod's p0_if.
   */
  public static OvsSnapshot sfcAndHbn() {
    // CHECKSTYLE.OFF: LineLength (the tool's output verbatim)
    return OvsSnapshot.parse("""
        {"data":[["br-sfc",["set",[["uuid","p1"],["uuid","p2"],["uuid","p3"],["uuid","p4"],["uuid","p5"]]]],["br-hbn",["uuid","p6"]]],"headings":["name","ports"]}
        {"data":[[["uuid","p1"],"p0",["uuid","i1"],["map",[["dpf-type","physical"]]]],[["uuid","p2"],"pf0hpf",["uuid","i2"],["map",[["dpf-type","pf"]]]],[["uuid","p3"],"fw-eth1",["uuid","i3"],["map",[]]],[["uuid","p4"],"pf7hpf",["uuid","i4"],["map",[["dpf-type","pf"]]]],[["uuid","p5"],"pp0_ifbrsfc",["uuid","i5"],["map",[]]],[["uuid","p6"],"hbn-p0",["uuid","i6"],["map",[]]]],"headings":["_uuid","name","interfaces","external_ids"]}
        {"data":[[["uuid","i1"],"p0","dpdk",1,["set",[]],["map",[]],["map",[["dpf-id","ns/uplink"]]]],[["uuid","i2"],"pf0hpf","dpdk",2,["set",[]],["map",[]],["map",[["dpf-id","ns/host"]]]],[["uuid","i3"],"fw-eth1","",3,["set",[]],["map",[]],["map",[["dpf-id","ns/fw-abc/eth1"]]]],[["uuid","i4"],"pf7hpf","dpdk",-1,"could not open network device pf7hpf (No such device)",["map",[]],["map",[["dpf-id","ns/broken"]]]],[["uuid","i5"],"pp0_ifbrsfc","patch",9,["set",[]],["map",[["peer","pp0_ifbrhbn"]]],["map",[]]],[["uuid","i6"],"p0_if","",4,["set",[]],["map",[]],["map",[["dpf-id","ns/hbn-0/p0_if"]]]]],"headings":["_uuid","name","type","ofport","error","options","external_ids"]}
        """);
    // CHECKSTYLE.ON: LineLength
  }
}
