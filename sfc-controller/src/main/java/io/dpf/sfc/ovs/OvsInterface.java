package io.dpf.sfc.ovs;

import java.util.Map;

/**
 * A row of the Interface table.
 *
 * @param ofport the OpenFlow port number; -1 when ovs-vswitchd could not open it, 0 while unassigned
 * @param error why ovs-vswitchd could not open it (e.g. "could not open network device pf7hpf (No such device)"), or empty
 */
public record OvsInterface(String uuid, String name, String type, long ofport, String error,
    Map<String, String> options, Map<String, String> externalIds) {

  public static final String DPF_ID = "dpf-id";

  /** Opened by ovs-vswitchd and numbered: usable in flows. */
  public boolean usable() {
    return ofport > 0 && error.isEmpty();
  }

  public String dpfId() {
    return externalIds.get(DPF_ID);
  }
}
