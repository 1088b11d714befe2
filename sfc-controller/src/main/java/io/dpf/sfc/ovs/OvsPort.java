package io.dpf.sfc.ovs;

import java.util.List;
import java.util.Map;

/** A row of the Port table, with the bridge it is on and its interfaces (one, except for bonds). */
public record OvsPort(String uuid, String name, String bridge, List<OvsInterface> interfaces,
    Map<String, String> externalIds) {

  /** Port external id naming the ServiceInterface type that made the port; set only on ports the sfc-controller created. */
  public static final String DPF_TYPE = "dpf-type";

  public boolean createdBySfcController() {
    return externalIds.containsKey(DPF_TYPE);
  }
}
