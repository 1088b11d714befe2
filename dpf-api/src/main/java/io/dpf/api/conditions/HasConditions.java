package io.dpf.api.conditions;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/**
 * A status with conditions, so controllers and the shared {@link Conditions} helper treat every kind
 * alike.
 */
public interface HasConditions {
  List<Condition> getConditions();

  void setConditions(List<Condition> conditions);

  Long getObservedGeneration();

  void setObservedGeneration(Long observedGeneration);

  /** The conditions list, created empty when absent, for in-place edits. */
  default List<Condition> conditions() {
    if (getConditions() == null) {
      setConditions(new ArrayList<>());
    }
    return getConditions();
  }
}
