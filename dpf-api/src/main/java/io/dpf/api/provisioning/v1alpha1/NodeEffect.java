package io.dpf.api.provisioning.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.Map;

/** What happens to the host node while its DPU is provisioned; at most one kind of effect. */
@ValidationRule(value = "[has(self.taint), has(self.noEffect), has(self.customLabel), has(self.drain)].filter(x, x).size() <= 1",
    message = "nodeEffect may set at most one of taint, noEffect, customLabel, drain")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeEffect {
  @JsonProperty("taint")
  private Taint taint;
  @JsonProperty("noEffect")
  private Boolean noEffect;
  @JsonProperty("customLabel")
  private Map<String, String> customLabel;
  @JsonProperty("drain")
  private Drain drain;

  public Taint getTaint() {
    return taint;
  }

  public void setTaint(Taint taint) {
    this.taint = taint;
  }

  public Boolean getNoEffect() {
    return noEffect;
  }

  public void setNoEffect(Boolean noEffect) {
    this.noEffect = noEffect;
  }

  public Map<String, String> getCustomLabel() {
    return customLabel;
  }

  public void setCustomLabel(Map<String, String> customLabel) {
    this.customLabel = customLabel;
  }

  public Drain getDrain() {
    return drain;
  }

  public void setDrain(Drain drain) {
    this.drain = drain;
  }
}
