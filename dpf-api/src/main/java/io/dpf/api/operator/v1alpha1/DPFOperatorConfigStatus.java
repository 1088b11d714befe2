package io.dpf.api.operator.v1alpha1;

import io.dpf.api.conditions.ConditionedStatus;

/** Conditions: see {@link io.dpf.api.conditions.ConditionTypes.DPFOperatorConfig}. */
public class DPFOperatorConfigStatus extends ConditionedStatus {
}
