package io.dpf.api.thirdparty.kamaji.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dpf.api.thirdparty.OpenObject;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class TcpKubernetes extends OpenObject {
  @JsonProperty("version")
  private String version;
  @JsonProperty("kubelet")
  private TcpKubelet kubelet;
  @JsonProperty("admissionControllers")
  private List<String> admissionControllers;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public TcpKubelet getKubelet() {
    return kubelet;
  }

  public void setKubelet(TcpKubelet kubelet) {
    this.kubelet = kubelet;
  }

  public List<String> getAdmissionControllers() {
    return admissionControllers;
  }

  public void setAdmissionControllers(List<String> admissionControllers) {
    this.admissionControllers = admissionControllers;
  }
}
