package io.dpf.api.conditions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * Base of every status that carries conditions. The list and observedGeneration are the only parts
 * the shared {@link Conditions} helper touches, so controllers can treat all kinds alike.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ConditionedStatus implements HasConditions {
  @JsonProperty("conditions")
  private List<Condition> conditions;
  @JsonProperty("observedGeneration")
  private Long observedGeneration;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }
}
