package io.dpf.sfc.ovs;

import java.util.List;

/**
 * The OpenFlow table of one bridge through ovs-ofctl. Changes go in OpenFlow 1.4 bundles
 * ({@code --bundle}): ovs-vswitchd applies every line of one call or none of them, so a chain is
 * never seen half replaced.
 */
public final class OpenFlowTable {

  private final OvsTools tools;
  private final String bridge;

  public OpenFlowTable(OvsTools tools, String bridge) {
    this.tools = tools;
    this.bridge = bridge;
  }

  public String bridge() {
    return bridge;
  }

  public List<InstalledFlow> dump() {
    return InstalledFlow.parseDump(tools.ofctl(List.of("dump-flows", "--no-stats", bridge), null));
  }

  /** In one bundle: every flow with this cookie goes, {@code flows} (ovs-ofctl flow syntax) come. */
  public void replace(long cookie, List<String> flows) {
    StringBuilder bundle = new StringBuilder("delete ").append(cookieMatch(cookie)).append('\n');
    flows.forEach(flow -> bundle.append("add ").append(flow).append('\n'));
    tools.ofctl(List.of("--bundle", "add-flows", bridge, "-"), bundle.toString());
  }

  /** Deletes every flow with this cookie, learnt ones included. */
  public void delete(long cookie) {
    tools.ofctl(List.of("--bundle", "del-flows", bridge, cookieMatch(cookie)), null);
  }

  /** {@code cookie=0x.../-1}: exactly this cookie. */
  public static String cookieMatch(long cookie) {
    return "cookie=0x" + Long.toHexString(cookie) + "/-1";
  }
}
