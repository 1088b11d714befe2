package io.dpf.servicechainset;

import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceChainSet;
import io.dpf.api.svc.v1alpha1.ServiceChainSpec;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/** ServiceChainSet → one ServiceChain {@code <set>-<node>} per selected node, its template's spec with {@code node} set. */
public final class ServiceChainSetKind implements SetKind<ServiceChainSet, ServiceChain> {

  private final KubernetesSerialization json;

  public ServiceChainSetKind(KubernetesSerialization json) {
    this.json = json;
  }

  @Override
  public Class<ServiceChainSet> setType() {
    return ServiceChainSet.class;
  }

  @Override
  public Class<ServiceChain> childType() {
    return ServiceChain.class;
  }

  @Override
  public String finalizer() {
    return Finalizers.SERVICE_CHAIN_SET;
  }

  @Override
  public String setNameLabel() {
    return LabelKeys.SERVICE_CHAIN_SET_NAME;
  }

  @Override
  public String childFinalizer() {
    return Finalizers.SERVICE_CHAIN;
  }

  @Override
  public List<String> conditionTypes() {
    return ConditionTypes.ServiceChainSet.ALL;
  }

  @Override
  public String reconciledCondition() {
    return ConditionTypes.ServiceChainSet.SERVICE_CHAINS_RECONCILED;
  }

  @Override
  public String readyCondition() {
    return ConditionTypes.ServiceChainSet.SERVICE_CHAINS_READY;
  }

  @Override
  public LabelSelector nodeSelector(ServiceChainSet set) {
    return set.getSpec().getNodeSelector();
  }

  @Override
  public ServiceChain child(ServiceChainSet set, String node) {
    ServiceChain chain = new ServiceChain();
    chain.setMetadata(SetChildren.metadata(set, set.getSpec().getTemplate().getMetadata(), setNameLabel(), node));
    ServiceChainSpec spec = json.clone(set.getSpec().getTemplate().getSpec());
    spec.setNode(node);
    chain.setSpec(spec);
    return chain;
  }

  @Override
  public String nodeOf(ServiceChain child) {
    return child.getSpec().getNode();
  }
}
