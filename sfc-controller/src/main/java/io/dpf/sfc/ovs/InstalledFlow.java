package io.dpf.sfc.ovs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of {@code ovs-ofctl dump-flows --no-stats}: cookie, table, priority, the match fields and
 * the actions as OVS prints them. Fields OVS leaves out have their OpenFlow defaults (cookie 0,
 * table 0, priority 32768).
 */
public record InstalledFlow(long cookie, int table, int priority, Map<String, String> match, String actions) {

  private static final int DEFAULT_PRIORITY = 32768;

  /** Every flow line of a dump; header lines ("NXST_FLOW reply ...") are skipped. */
  public static List<InstalledFlow> parseDump(String dump) {
    List<InstalledFlow> flows = new ArrayList<>();
    for (String line : dump.split("\n")) {
      parse(line).ifPresent(flows::add);
    }
    return flows;
  }

  static Optional<InstalledFlow> parse(String line) {
    String text = line.strip();
    int actionsAt = text.indexOf(" actions=");
    if (text.isEmpty() || actionsAt < 0) {
      return Optional.empty();
    }
    long cookie = 0;
    int table = 0;
    int priority = DEFAULT_PRIORITY;
    Map<String, String> match = new LinkedHashMap<>();
    // Before the actions: "cookie=0x1, table=0, priority=20,in_port=2" (commas, some with a space).
    for (String field : text.substring(0, actionsAt).split(",")) {
      String item = field.strip();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      String key = eq < 0 ? item : item.substring(0, eq);
      String value = eq < 0 ? "" : item.substring(eq + 1);
      switch (key) {
        case "cookie" -> cookie = Long.parseUnsignedLong(value.replaceFirst("^0x", ""), value.startsWith("0x") ? 16 : 10);
        case "table" -> table = Integer.parseInt(value);
        case "priority" -> priority = Integer.parseInt(value);
        case "duration", "n_packets", "n_bytes", "idle_age", "hard_age", "idle_timeout", "hard_timeout",
            "reset_counts", "importance", "send_flow_rem", "check_overlap", "no_packet_counts",
            "no_byte_counts" -> {
          // statistics and flow-mod options: not part of what the flow matches
        }
        default -> match.put(key, value);
      }
    }
    return Optional.of(new InstalledFlow(cookie, table, priority, match, text.substring(actionsAt + " actions=".length())));
  }

  /** The actions split at top-level commas: {@code learn(a,b),output:2} is two actions. */
  public List<String> actionList() {
    List<String> list = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < actions.length(); i++) {
      char c = actions.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        list.add(actions.substring(start, i));
        start = i + 1;
      }
    }
    if (start < actions.length()) {
      list.add(actions.substring(start));
    }
    return list;
  }
}
