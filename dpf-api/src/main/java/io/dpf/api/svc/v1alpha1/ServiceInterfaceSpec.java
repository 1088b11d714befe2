package io.dpf.api.svc.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** An interface on a DPU node; exactly the sub-object named by interfaceType is set (none for ovn). */
@ValidationRule(value = "self.interfaceType == 'physical' ? has(self.physical) : !has(self.physical)",
    message = "physical must be set if and only if interfaceType is physical", fieldPath = ".physical")
@ValidationRule(value = "self.interfaceType == 'vlan' ? has(self.vlan) : !has(self.vlan)",
    message = "vlan must be set if and only if interfaceType is vlan", fieldPath = ".vlan")
@ValidationRule(value = "self.interfaceType == 'vf' ? has(self.vf) : !has(self.vf)",
    message = "vf must be set if and only if interfaceType is vf", fieldPath = ".vf")
@ValidationRule(value = "self.interfaceType == 'pf' ? has(self.pf) : !has(self.pf)",
    message = "pf must be set if and only if interfaceType is pf", fieldPath = ".pf")
@ValidationRule(value = "self.interfaceType == 'service' ? has(self.service) : !has(self.service)",
    message = "service must be set if and only if interfaceType is service", fieldPath = ".service")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceInterfaceSpec {
  @JsonProperty("node")
  private String node;
  @Required
  @JsonProperty("interfaceType")
  private InterfaceType interfaceType;
  @JsonProperty("physical")
  private PhysicalInterface physical;
  @JsonProperty("vlan")
  private VLAN vlan;
  @JsonProperty("vf")
  private VF vf;
  @JsonProperty("pf")
  private PF pf;
  @JsonProperty("service")
  private ServiceDef service;

  public String getNode() {
    return node;
  }

  public void setNode(String node) {
    this.node = node;
  }

  public InterfaceType getInterfaceType() {
    return interfaceType;
  }

  public void setInterfaceType(InterfaceType interfaceType) {
    this.interfaceType = interfaceType;
  }

  public PhysicalInterface getPhysical() {
    return physical;
  }

  public void setPhysical(PhysicalInterface physical) {
    this.physical = physical;
  }

  public VLAN getVlan() {
    return vlan;
  }

  public void setVlan(VLAN vlan) {
    this.vlan = vlan;
  }

  public VF getVf() {
    return vf;
  }

  public void setVf(VF vf) {
    this.vf = vf;
  }

  public PF getPf() {
    return pf;
  }

  public void setPf(PF pf) {
    this.pf = pf;
  }

  public ServiceDef getService() {
    return service;
  }

  public void setService(ServiceDef service) {
    this.service = service;
  }
}
