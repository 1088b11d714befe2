package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class Firmware {
  @JsonProperty("bmc")
  private String bmc;
  @JsonProperty("nic")
  private String nic;
  @JsonProperty("uefi")
  private String uefi;

  public String getBmc() {
    return bmc;
  }

  public void setBmc(String bmc) {
    this.bmc = bmc;
  }

  public String getNic() {
    return nic;
  }

  public void setNic(String nic) {
    this.nic = nic;
  }

  public String getUefi() {
    return uefi;
  }

  public void setUefi(String uefi) {
    this.uefi = uefi;
  }
}
