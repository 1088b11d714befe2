package io.dpf.dpuservice.fanout;

import io.dpf.api.Finalizers;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.svc.v1alpha1.DPUServiceChain;
import io.dpf.api.svc.v1alpha1.DPUServiceChainStatus;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Optional;

/** DPUServiceChain → a ServiceChainSet of the same name in every selected DPU cluster. */
public final class DPUServiceChainFanOut implements FanOutKind<DPUServiceChain> {

  public static final String NAME_LABEL = "dpu.nvidia.com/dpuservicechain-name";
  public static final String NAMESPACE_LABEL = "dpu.nvidia.com/dpuservicechain-namespace";

  @Override
  public Class<DPUServiceChain> parentType() {
    return DPUServiceChain.class;
  }

  @Override
  public String finalizer() {
    return Finalizers.DPU_SERVICE_CHAIN;
  }

  @Override
  public List<String> conditionTypes() {
    return ConditionTypes.DPUServiceChain.ALL;
  }

  @Override
  public String reconciledCondition() {
    return ConditionTypes.DPUServiceChain.SERVICE_CHAIN_SET_RECONCILED;
  }

  @Override
  public String readyCondition() {
    return ConditionTypes.DPUServiceChain.SERVICE_CHAIN_SET_READY;
  }

  @Override
  public String parentNameLabel() {
    return NAME_LABEL;
  }

  @Override
  public String parentNamespaceLabel() {
    return NAMESPACE_LABEL;
  }

  @Override
  public LabelSelector clusterSelector(DPUServiceChain parent) {
    return parent.getSpec().getClusterSelector();
  }

  @Override
  public List<Class<? extends HasMetadata>> childKinds() {
    return List.of(ServiceChainSet.class);
  }

  @Override
  public List<HasMetadata> desiredChildren(DPUServiceChain parent) {
    ServiceChainSet set = new ServiceChainSet();
    set.setMetadata(ChildMetadata.of(parent, parent.getSpec().getTemplate().getMetadata(), NAME_LABEL, NAMESPACE_LABEL));
    set.setSpec(parent.getSpec().getTemplate().getSpec());
    return List.of(set);
  }

  @Override
  public Optional<String> notReady(HasMetadata liveChild) {
    ServiceChainSet set = (ServiceChainSet) liveChild;
    return ServiceSetReadiness.notReady("ServiceChainSet", set.getMetadata().getName(), set.getStatus());
  }

  @Override
  public ConditionedStatus newStatus() {
    return new DPUServiceChainStatus();
  }
}
