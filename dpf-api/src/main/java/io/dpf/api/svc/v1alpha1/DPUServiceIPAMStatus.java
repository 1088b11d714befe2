package io.dpf.api.svc.v1alpha1;

import io.dpf.api.conditions.ConditionedStatus;

public class DPUServiceIPAMStatus extends ConditionedStatus {
}
