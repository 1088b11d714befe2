package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.ApiPatterns;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The interface a DPUService's pod gets; added to OVS by the CNI when the pod starts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceDef {
  @Required
  @JsonProperty("serviceID")
  private String serviceID;
  /** NetworkAttachmentDefinition, "namespace/name" or "name". */
  @Required
  @Pattern(ApiPatterns.NETWORK_NAME)
  @JsonProperty("network")
  private String network;
  @Required
  @JsonProperty("interfaceName")
  private String interfaceName;

  public String getServiceID() {
    return serviceID;
  }

  public void setServiceID(String serviceID) {
    this.serviceID = serviceID;
  }

  public String getNetwork() {
    return network;
  }

  public void setNetwork(String network) {
    this.network = network;
  }

  public String getInterfaceName() {
    return interfaceName;
  }

  public void setInterfaceName(String interfaceName) {
    this.interfaceName = interfaceName;
  }
}
