package io.dpf.sfc.chains;

import io.dpf.sfc.ovs.InstalledFlow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OpenFlow rules of a chain, DPF's way: every port of a switch gets a table-0 flow at priority
 * 20 matching {@code in_port} that, per other port of the switch, learns the packet's source MAC
 * (a priority-30 flow with idle timeout 10 s: from that port, to this MAC, out here) and then
 * floods the packet to the other ports. Learnt flows win over flooding once both sides have spoken.
 * Every flow, learnt ones too, carries the chain's cookie.
 */
public final class ChainFlows {

  public static final int TABLE = 0;
  public static final int PRIORITY = 20;
  public static final int LEARNT_PRIORITY = 30;
  public static final int LEARNT_IDLE_TIMEOUT = 10;

  private static final Pattern LEARN_IN_PORT = Pattern.compile("(?:^|,)in_port=(\\d+)(?:,|$)");
  private static final Pattern OUTPUT = Pattern.compile("output:(\\d+)");

  private ChainFlows() {}

  /** One flow per port of every switch that has at least two ports (a port alone has nowhere to send). */
  public static List<ChainFlow> of(List<List<Integer>> switches) {
    List<ChainFlow> flows = new ArrayList<>();
    for (List<Integer> ports : switches) {
      List<Integer> distinct = List.copyOf(new LinkedHashSet<>(ports));
      if (distinct.size() < 2) {
        continue;
      }
      for (Integer port : distinct) {
        flows.add(new ChainFlow(port, distinct.stream().filter(p -> !p.equals(port)).toList()));
      }
    }
    return flows;
  }

  /** The flow in ovs-ofctl's syntax. */
  public static String render(long cookie, ChainFlow flow) {
    String cookieHex = ChainCookie.hex(cookie);
    String learns = flow.peers().stream().map(peer -> "learn(table=" + TABLE + ",idle_timeout=" + LEARNT_IDLE_TIMEOUT
        + ",priority=" + LEARNT_PRIORITY + ",cookie=" + cookieHex + ",in_port=" + peer
        + ",NXM_OF_ETH_DST[]=NXM_OF_ETH_SRC[],output:NXM_OF_IN_PORT[])").collect(Collectors.joining(","));
    String outputs = flow.peers().stream().map(peer -> "output:" + peer).collect(Collectors.joining(","));
    return "cookie=" + cookieHex + ",table=" + TABLE + ",priority=" + PRIORITY + ",in_port=" + flow.inPort()
        + ",actions=" + learns + "," + outputs;
  }

  /**
   * Reads a flow back from a dump as a chain flow, when it is one (table 0, priority 20, a numeric
   * in_port, learns then outputs); learnt flows and anything else are not.
   */
  public static Optional<ChainFlow> parse(InstalledFlow installed) {
    String inPort = installed.match().get("in_port");
    if (installed.table() != TABLE || installed.priority() != PRIORITY || inPort == null || !inPort.matches("\\d+")) {
      return Optional.empty();
    }
    List<Integer> learnt = new ArrayList<>();
    List<Integer> outputs = new ArrayList<>();
    for (String action : installed.actionList()) {
      if (action.startsWith("learn(") && action.endsWith(")")) {
        Matcher port = LEARN_IN_PORT.matcher(action.substring("learn(".length(), action.length() - 1));
        if (!port.find()) {
          return Optional.empty();
        }
        learnt.add(Integer.parseInt(port.group(1)));
      } else {
        Matcher output = OUTPUT.matcher(action);
        if (!output.matches()) {
          return Optional.empty();
        }
        outputs.add(Integer.parseInt(output.group(1)));
      }
    }
    return learnt.equals(outputs) ? Optional.of(new ChainFlow(Integer.parseInt(inPort), outputs)) : Optional.empty();
  }

  /**
   * Whether the installed flows of a chain (those with its cookie) are exactly the desired ones;
   * learnt flows (priority 30) come and go with traffic and do not count.
   */
  public static boolean upToDate(List<ChainFlow> desired, List<InstalledFlow> installedWithCookie) {
    Set<ChainFlow> installed = new LinkedHashSet<>();
    for (InstalledFlow flow : installedWithCookie) {
      if (flow.priority() == LEARNT_PRIORITY) {
        continue;
      }
      Optional<ChainFlow> parsed = parse(flow);
      if (parsed.isEmpty()) {
        return false; // something of ours we would not have written: replace it
      }
      installed.add(parsed.get());
    }
    return installed.size() == installedWithCookie.stream().filter(f -> f.priority() != LEARNT_PRIORITY).count()
        && installed.equals(new LinkedHashSet<>(desired));
  }
}
