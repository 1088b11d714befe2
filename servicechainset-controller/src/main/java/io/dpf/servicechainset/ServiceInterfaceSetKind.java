package io.dpf.servicechainset;

import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSet;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceSpec;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * ServiceInterfaceSet → one ServiceInterface {@code <set>-<node>} per selected node, its template's
 * spec with {@code node} set.
 */
public final class ServiceInterfaceSetKind implements SetKind<ServiceInterfaceSet, ServiceInterface> {

  private final KubernetesSerialization json;

  public ServiceInterfaceSetKind(KubernetesSerialization json) {
    this.json = json;
  }

  @Override
  public Class<ServiceInterfaceSet> setType() {
    return ServiceInterfaceSet.class;
  }

  @Override
  public Class<ServiceInterface> childType() {
    return ServiceInterface.class;
  }

  @Override
  public String finalizer() {
    return Finalizers.SERVICE_INTERFACE_SET;
  }

  @Override
  public String setNameLabel() {
    return LabelKeys.SERVICE_INTERFACE_SET_NAME;
  }

  @Override
  public String childFinalizer() {
    return Finalizers.SERVICE_INTERFACE;
  }

  @Override
  public List<String> conditionTypes() {
    return ConditionTypes.ServiceInterfaceSet.ALL;
  }

  @Override
  public String reconciledCondition() {
    return ConditionTypes.ServiceInterfaceSet.SERVICE_INTERFACES_RECONCILED;
  }

  @Override
  public String readyCondition() {
    return ConditionTypes.ServiceInterfaceSet.SERVICE_INTERFACES_READY;
  }

  @Override
  public LabelSelector nodeSelector(ServiceInterfaceSet set) {
    return set.getSpec().getNodeSelector();
  }

  @Override
  public ServiceInterface child(ServiceInterfaceSet set, String node) {
    ServiceInterface serviceInterface = new ServiceInterface();
    serviceInterface.setMetadata(SetChildren.metadata(set, set.getSpec().getTemplate().getMetadata(), setNameLabel(), node));
    ServiceInterfaceSpec spec = json.clone(set.getSpec().getTemplate().getSpec());
    spec.setNode(node);
    serviceInterface.setSpec(spec);
    return serviceInterface;
  }

  @Override
  public String nodeOf(ServiceInterface child) {
    return child.getSpec().getNode();
  }
}
