package io.dpf.api.svc.v1alpha1;

import io.dpf.api.conditions.ConditionedStatus;

/**
 * Written by the sfc-controller on the interface's node: whether its port is on br-sfc. Empty in
 * DPF v25.1; conditions as newer DPF has them (Ready, ServiceInterfaceReconciled).
 */
public class ServiceInterfaceStatus extends ConditionedStatus {
}
