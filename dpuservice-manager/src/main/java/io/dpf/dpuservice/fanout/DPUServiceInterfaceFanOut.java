package io.dpf.dpuservice.fanout;

import io.dpf.api.Finalizers;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.ConditionedStatus;
import io.dpf.api.svc.v1alpha1.DPUServiceInterface;
import io.dpf.api.svc.v1alpha1.DPUServiceInterfaceStatus;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Optional;

/** DPUServiceInterface → a ServiceInterfaceSet of the same name in every selected DPU cluster. */
public final class DPUServiceInterfaceFanOut implements FanOutKind<DPUServiceInterface> {

  public static final String NAME_LABEL = "dpu.nvidia.com/dpuserviceinterface-name";
  public static final String NAMESPACE_LABEL = "dpu.nvidia.com/dpuserviceinterface-namespace";

  @Override
  public Class<DPUServiceInterface> parentType() {
    return DPUServiceInterface.class;
  }

  @Override
  public String finalizer() {
    return Finalizers.DPU_SERVICE_INTERFACE;
  }

  @Override
  public List<String> conditionTypes() {
    return ConditionTypes.DPUServiceInterface.ALL;
  }

  @Override
  public String reconciledCondition() {
    return ConditionTypes.DPUServiceInterface.SERVICE_INTERFACE_SET_RECONCILED;
  }

  @Override
  public String readyCondition() {
    return ConditionTypes.DPUServiceInterface.SERVICE_INTERFACE_SET_READY;
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
  public LabelSelector clusterSelector(DPUServiceInterface parent) {
    return parent.getSpec().getClusterSelector();
  }

  @Override
  public List<Class<? extends HasMetadata>> childKinds() {
    return List.of(ServiceInterfaceSet.class);
  }

  @Override
  public List<HasMetadata> desiredChildren(DPUServiceInterface parent) {
    ServiceInterfaceSet set = new ServiceInterfaceSet();
    set.setMetadata(ChildMetadata.of(parent, parent.getSpec().getTemplate().getMetadata(), NAME_LABEL, NAMESPACE_LABEL));
    set.setSpec(parent.getSpec().getTemplate().getSpec());
    return List.of(set);
  }

  @Override
  public Optional<String> notReady(HasMetadata liveChild) {
    ServiceInterfaceSet set = (ServiceInterfaceSet) liveChild;
    return ServiceSetReadiness.notReady("ServiceInterfaceSet", set.getMetadata().getName(), set.getStatus());
  }

  @Override
  public ConditionedStatus newStatus() {
    return new DPUServiceInterfaceStatus();
  }
}
