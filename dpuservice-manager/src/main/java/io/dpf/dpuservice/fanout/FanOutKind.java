package io.dpf.dpuservice.fanout;

import io.dpf.api.conditions.ConditionedStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.List;
import java.util.Optional;

/**
 * What differs between the host kinds that are copied into the DPU clusters they select
 * (DPUServiceChain → ServiceChainSet, DPUServiceInterface → ServiceInterfaceSet, DPUServiceIPAM →
 * NVIPAM pool). Rendering is pure: {@link #desiredChildren} does no I/O.
 */
public interface FanOutKind<P extends CustomResource<?, ? extends ConditionedStatus>> {

  Class<P> parentType();

  String finalizer();

  /** Every condition type of the parent, Ready included. */
  List<String> conditionTypes();

  String reconciledCondition();

  String readyCondition();

  /** Children point back at their parent with these two labels (owner references cannot cross clusters). */
  String parentNameLabel();

  String parentNamespaceLabel();

  LabelSelector clusterSelector(P parent);

  /** Every kind a child may be; children of these kinds that are no longer desired are deleted. */
  List<Class<? extends HasMetadata>> childKinds();

  /** The children for one DPU cluster, same name and namespace as the parent, labelled back to it. */
  List<HasMetadata> desiredChildren(P parent);

  /** Why a live child is not ready, or empty when it is. */
  Optional<String> notReady(HasMetadata liveChild);

  ConditionedStatus newStatus();

  /** Why the parent cannot be fanned out as it is (the user must change it), or empty. */
  default Optional<String> invalid(P parent) {
    return Optional.empty();
  }
}
