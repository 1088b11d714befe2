package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Additive: what the rshim host agent (installInterface hostAgent) last reported about its install,
 * written by the agent pod on the DPU's host through the status subresource. The provisioning
 * manager only reads it; a report counts for the agent pod whose UID it carries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HostAgentReport {
  /** The agent pod that wrote this report. */
  @JsonProperty("podUID")
  private String podUid;
  /** Pushing (streaming into rshim boot), Installing (the DPU runs the installer), Succeeded or Failed. */
  @JsonProperty("state")
  private HostAgentState state;
  /** The rshim device in use, e.g. rshim0. */
  @JsonProperty("device")
  private String device;
  @JsonProperty("bytesWritten")
  private Long bytesWritten;
  @JsonProperty("bytesTotal")
  private Long bytesTotal;
  /** How many times a push started in this pod; a push cut by a container restart starts over. */
  @JsonProperty("pushes")
  private Integer pushes;
  /** The install log's last line, or the cause of a failure. */
  @JsonProperty("message")
  private String message;
  @JsonProperty("lastUpdateTime")
  private String lastUpdateTime;

  public String getPodUid() {
    return podUid;
  }

  public void setPodUid(String podUid) {
    this.podUid = podUid;
  }

  public HostAgentState getState() {
    return state;
  }

  public void setState(HostAgentState state) {
    this.state = state;
  }

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }

  public Long getBytesWritten() {
    return bytesWritten;
  }

  public void setBytesWritten(Long bytesWritten) {
    this.bytesWritten = bytesWritten;
  }

  public Long getBytesTotal() {
    return bytesTotal;
  }

  public void setBytesTotal(Long bytesTotal) {
    this.bytesTotal = bytesTotal;
  }

  public Integer getPushes() {
    return pushes;
  }

  public void setPushes(Integer pushes) {
    this.pushes = pushes;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastUpdateTime() {
    return lastUpdateTime;
  }

  public void setLastUpdateTime(String lastUpdateTime) {
    this.lastUpdateTime = lastUpdateTime;
  }
}
