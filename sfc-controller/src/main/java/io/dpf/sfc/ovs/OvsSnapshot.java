package io.dpf.sfc.ovs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bridges, ports and interfaces of the switch at one moment, read in one ovs-vsctl call
 * (three {@code --format=json list} commands, one JSON table per line, in OVSDB's notation:
 * {@code ["uuid", u]}, {@code ["set", [...]]}, {@code ["map", [[k, v], ...]]}).
 */
public final class OvsSnapshot {

  static final List<String> COMMAND = List.of("--format=json",
      "--", "--columns=name,ports", "list", "Bridge",
      "--", "--columns=_uuid,name,interfaces,external_ids", "list", "Port",
      "--", "--columns=_uuid,name,type,ofport,error,options,external_ids", "list", "Interface");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<OvsPort>> portsByBridge;

  private OvsSnapshot(Map<String, List<OvsPort>> portsByBridge) {
    this.portsByBridge = portsByBridge;
  }

  public static OvsSnapshot read(OvsTools tools) {
    return parse(tools.vsctl(COMMAND));
  }

  static OvsSnapshot parse(String output) {
    List<JsonNode> tables = new ArrayList<>();
    try {
      for (String line : output.split("\n")) {
        if (!line.isBlank()) {
          tables.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new OvsException("cannot read ovs-vsctl's output: " + e.getMessage());
    }
    if (tables.size() != 3) {
      throw new OvsException("ovs-vsctl printed " + tables.size() + " tables, expected Bridge, Port, Interface");
    }
    Map<String, OvsInterface> interfaces = new HashMap<>();
    for (JsonNode row : tables.get(2).path("data")) {
      OvsInterface iface = new OvsInterface(uuid(row.get(0)), row.get(1).asText(), row.get(2).asText(),
          row.get(3).isNumber() ? row.get(3).asLong() : 0, scalarOrEmpty(row.get(4)), map(row.get(5)), map(row.get(6)));
      interfaces.put(iface.uuid(), iface);
    }
    Map<String, JsonNode> portRows = new HashMap<>();
    for (JsonNode row : tables.get(1).path("data")) {
      portRows.put(uuid(row.get(0)), row);
    }
    Map<String, List<OvsPort>> byBridge = new LinkedHashMap<>();
    for (JsonNode bridge : tables.get(0).path("data")) {
      String bridgeName = bridge.get(0).asText();
      List<OvsPort> ports = new ArrayList<>();
      for (String portUuid : uuids(bridge.get(1))) {
        JsonNode row = portRows.get(portUuid);
        if (row == null) {
          continue;
        }
        List<OvsInterface> members = uuids(row.get(2)).stream().map(interfaces::get)
            .filter(Objects::nonNull).toList();
        ports.add(new OvsPort(portUuid, row.get(1).asText(), bridgeName, members, map(row.get(3))));
      }
      byBridge.put(bridgeName, List.copyOf(ports));
    }
    return new OvsSnapshot(byBridge);
  }

  public boolean hasBridge(String bridge) {
    return portsByBridge.containsKey(bridge);
  }

  public List<OvsPort> ports(String bridge) {
    return portsByBridge.getOrDefault(bridge, List.of());
  }

  /** The port of this name on any bridge. */
  public Optional<OvsPort> port(String name) {
    return portsByBridge.values().stream().flatMap(List::stream).filter(p -> p.name().equals(name)).findFirst();
  }

  /** Interfaces on any bridge whose {@code external_ids:dpf-id} is {@code dpfId}, with their port. */
  public List<OvsPort> portsWithDpfId(String dpfId) {
    return portsByBridge.values().stream().flatMap(List::stream)
        .filter(p -> p.interfaces().stream().anyMatch(i -> dpfId.equals(i.dpfId()))).toList();
  }

  private static String uuid(JsonNode atom) {
    return atom.get(1).asText();
  }

  /** A set column: a single atom stands for a set of one. */
  private static List<String> uuids(JsonNode column) {
    if (column.isArray() && "set".equals(column.get(0).asText())) {
      List<String> all = new ArrayList<>();
      column.get(1).forEach(atom -> all.add(uuid(atom)));
      return all;
    }
    return List.of(uuid(column));
  }

  private static String scalarOrEmpty(JsonNode column) {
    return column.isTextual() ? column.asText() : "";
  }

  private static Map<String, String> map(JsonNode column) {
    Map<String, String> map = new LinkedHashMap<>();
    column.get(1).forEach(pair -> map.put(pair.get(0).asText(), pair.get(1).asText()));
    return map;
  }
}
