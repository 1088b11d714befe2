package io.dpf.sfc.interfaces;

import io.dpf.api.Finalizers;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.api.svc.v1alpha1.ServiceInterfaceStatus;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.sfc.NodeSettings;
import io.dpf.sfc.ovs.OvsException;
import io.dpf.sfc.ovs.OvsPorts;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;

/**
 * ServiceInterface on this node → its port on br-sfc (see {@link PortPlan}); deleting it removes
 * the port first (finalizer {@code svc.dpu.nvidia.com/ServiceInterface-finalizer}). Condition
 * ServiceInterfaceReconciled says why a port is not usable, e.g. a PF the node does not have.
 */
public final class ServiceInterfaceReconciler implements Reconciler<ServiceInterface> {

  private static final String RECONCILED = ConditionTypes.ServiceInterface.SERVICE_INTERFACE_RECONCILED;

  private final KubernetesClient client;
  private final NodeSettings settings;
  private final InterfacePorts ports;
  private final StatusWriter statusWriter;
  private final Clock clock;

  public ServiceInterfaceReconciler(KubernetesClient client, NodeSettings settings, OvsPorts ovs,
      StatusWriter statusWriter, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.ports = new InterfacePorts(ovs, settings.nodeName());
    this.statusWriter = statusWriter;
    this.clock = clock;
  }

  @Override
  public Result reconcile(ServiceInterface serviceInterface) {
    if (!settings.isMine(serviceInterface.getSpec().getNode())) {
      return Result.done();
    }
    PortPlan plan = PortPlan.of(serviceInterface, settings.ovs().interfaceType());
    if (serviceInterface.getMetadata().getDeletionTimestamp() != null) {
      if (Finalizer.has(serviceInterface, Finalizers.SERVICE_INTERFACE)) {
        ports.release(plan);
        Finalizer.remove(client, serviceInterface, Finalizers.SERVICE_INTERFACE);
      }
      return Result.done();
    }
    if (Finalizer.ensure(client, serviceInterface, Finalizers.SERVICE_INTERFACE)) {
      return Result.done(); // the update brings it back
    }
    ServiceInterfaceStatus status = serviceInterface.getStatus() == null ? new ServiceInterfaceStatus()
        : client.getKubernetesSerialization().clone(serviceInterface.getStatus());
    Conditions conditions = Conditions.of(status, serviceInterface.getMetadata().getGeneration(), clock)
        .ensure(ConditionTypes.ServiceInterface.ALL);
    Result result = Result.requeueAfter(settings.resync());
    if (plan instanceof PortPlan.Unsupported unsupported) {
      conditions.setFalse(RECONCILED, Reasons.FAILURE, unsupported.message());
    } else if (plan instanceof PortPlan.NothingToCreate nothing) {
      conditions.set(RECONCILED, Conditions.STATUS_TRUE, Reasons.SUCCESS, nothing.why());
    } else if (plan instanceof PortPlan.Ports wanted) {
      List<String> problems;
      try {
        problems = ports.ensure(wanted.ports());
      } catch (OvsException e) {
        problems = List.of(e.getMessage());
      }
      if (problems.isEmpty()) {
        conditions.setTrue(RECONCILED);
      } else {
        conditions.setFalse(RECONCILED, Reasons.ERROR, String.join("; ", problems));
        result = Result.requeueAfter(settings.retry());
      }
    }
    conditions.summarize();
    status.setObservedGeneration(serviceInterface.getMetadata().getGeneration());
    statusWriter.update(serviceInterface, status);
    return result;
  }
}
