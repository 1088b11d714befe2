package io.dpf.api.svc.v1alpha1;

import io.dpf.api.conditions.ConditionedStatus;

/**
 * Written by the sfc-controller on the chain's node: whether its flows are on br-sfc. Empty in
 * DPF v25.1; conditions as newer DPF has them (Ready, ServiceChainReconciled).
 */
public class ServiceChainStatus extends ConditionedStatus {
}
