package io.dpf.provisioning.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a BMC's UpdateService offers for getting an image onto the DPU (DMTF UpdateService schema).
 *
 * @param simpleUpdate whether {@code Actions["#UpdateService.SimpleUpdate"]} is advertised (the BMC pulls)
 * @param transferProtocols its {@code TransferProtocol@Redfish.AllowableValues}; empty when not stated
 * @param httpPushUri where the image may be POSTed as the request body (the client pushes); null if none
 */
public record UpdateServiceInfo(boolean simpleUpdate, List<String> transferProtocols, String httpPushUri) {

  static UpdateServiceInfo of(JsonNode json) {
    JsonNode action = json.path("Actions").path("#UpdateService.SimpleUpdate");
    List<String> protocols = new ArrayList<>();
    action.path("TransferProtocol@Redfish.AllowableValues").forEach(p -> protocols.add(p.asText()));
    String push = json.path("HttpPushUri").asText("");
    return new UpdateServiceInfo(!action.isMissingNode(), List.copyOf(protocols), push.isEmpty() ? null : push);
  }

  /** Whether SimpleUpdate takes {@code protocol}; a BMC that lists none is taken at its word that it pulls. */
  public boolean allows(String protocol) {
    return simpleUpdate && (transferProtocols.isEmpty() || transferProtocols.contains(protocol));
  }
}
