package io.dpf.servicechainset;

import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.svc.v1alpha1.ServiceSetStatus;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;

/** What differs between ServiceChainSet and ServiceInterfaceSet for the one set reconciler they share. */
public interface SetKind<S extends CustomResource<?, ServiceSetStatus>,
    C extends CustomResource<?, ? extends ConditionedStatus>> {

  Class<S> setType();

  Class<C> childType();

  /** The set's finalizer, as DPF names it. */
  String finalizer();

  /** The label on every child naming its set ({@code svc.dpu.nvidia.com/servicechainset-name}). */
  String setNameLabel();

  /** The sfc-controller's finalizer on a child; taken off when the child's node is gone, as nobody else will. */
  String childFinalizer();

  List<String> conditionTypes();

  String reconciledCondition();

  String readyCondition();

  LabelSelector nodeSelector(S set);

  /** The set's child for one node (pure: see {@link SetChildren}). */
  C child(S set, String node);

  /** The child's {@code spec.node}. */
  String nodeOf(C child);
}
