package io.dpf.sfc.chains;

import io.dpf.api.Finalizers;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceChainStatus;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.sfc.NodeSettings;
import io.dpf.sfc.ovs.InstalledFlow;
import io.dpf.sfc.ovs.OpenFlowTable;
import io.dpf.sfc.ovs.OvsException;
import io.dpf.sfc.ovs.OvsPorts;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ServiceChain on this node → its flows on br-sfc ({@link ChainFlows}), replaced in one bundle when
 * they differ from what the switch has, and nothing written when they do not. The cookie is the
 * chain's ({@link ChainCookie}); deleting the chain deletes its flows first (finalizer
 * {@code svc.dpu.nvidia.com/ServiceChain-finalizer}). Ports that cannot be found are named in
 * condition ServiceChainReconciled while the rest of the chain is programmed.
 */
public final class ServiceChainReconciler implements Reconciler<ServiceChain> {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceChainReconciler.class);
  private static final String RECONCILED = ConditionTypes.ServiceChain.SERVICE_CHAIN_RECONCILED;

  /** What the chain reconciler reads from the caches of this node's controller. */
  public record Caches(Supplier<List<ServiceInterface>> interfaces, Supplier<List<Pod>> pods,
      Supplier<List<ServiceChain>> chains) {
  }

  private final KubernetesClient client;
  private final NodeSettings settings;
  private final OvsPorts ovs;
  private final OpenFlowTable table;
  private final Caches caches;
  private final StatusWriter statusWriter;
  private final Clock clock;

  public ServiceChainReconciler(KubernetesClient client, NodeSettings settings, OvsPorts ovs, OpenFlowTable table,
      Caches caches, StatusWriter statusWriter, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.ovs = ovs;
    this.table = table;
    this.caches = caches;
    this.statusWriter = statusWriter;
    this.clock = clock;
  }

  @Override
  public Result reconcile(ServiceChain chain) {
    if (!settings.isMine(chain.getSpec().getNode())) {
      return Result.done();
    }
    long cookie = ChainCookie.of(chain.getMetadata().getNamespace(), chain.getMetadata().getName());
    if (chain.getMetadata().getDeletionTimestamp() != null) {
      if (Finalizer.has(chain, Finalizers.SERVICE_CHAIN)) {
        table.delete(cookie);
        Finalizer.remove(client, chain, Finalizers.SERVICE_CHAIN);
      }
      return Result.done();
    }
    if (Finalizer.ensure(client, chain, Finalizers.SERVICE_CHAIN)) {
      return Result.done(); // the update brings it back
    }
    ServiceChainStatus status = chain.getStatus() == null ? new ServiceChainStatus()
        : client.getKubernetesSerialization().clone(chain.getStatus());
    Conditions conditions = Conditions.of(status, chain.getMetadata().getGeneration(), clock)
        .ensure(ConditionTypes.ServiceChain.ALL);
    List<String> problems = new ArrayList<>();
    try {
      problems.addAll(program(chain, cookie));
    } catch (OvsException e) {
      problems.add(e.getMessage());
    }
    if (problems.isEmpty()) {
      conditions.setTrue(RECONCILED);
    } else {
      conditions.setFalse(RECONCILED, Reasons.ERROR, String.join("; ", problems));
    }
    conditions.summarize();
    status.setObservedGeneration(chain.getMetadata().getGeneration());
    statusWriter.update(chain, status);
    return Result.requeueAfter(problems.isEmpty() ? settings.resync() : settings.retry());
  }

  private List<String> program(ServiceChain chain, long cookie) {
    String namespace = chain.getMetadata().getNamespace();
    List<ServiceInterface> interfaces = caches.interfaces().get().stream()
        .filter(si -> namespace.equals(si.getMetadata().getNamespace()) && settings.isMine(si.getSpec().getNode())
            && si.getMetadata().getDeletionTimestamp() == null)
        .toList();
    List<Pod> pods = caches.pods().get().stream().filter(pod -> namespace.equals(pod.getMetadata().getNamespace()))
        .toList();
    ChainPorts.Resolution resolution = ChainPorts.resolve(chain, settings.nodeName(), interfaces, pods, ovs.snapshot());
    List<String> problems = new ArrayList<>(resolution.problems());
    List<InstalledFlow> installed = table.dump();
    PortClaims claims = PortClaims.of(installed, cookie, caches.chains().get());
    List<List<Integer>> switches = claims.withoutClaimed(resolution, problems);
    List<ChainFlow> desired = ChainFlows.of(switches);
    List<InstalledFlow> ours = installed.stream().filter(flow -> flow.cookie() == cookie).toList();
    if (!ChainFlows.upToDate(desired, ours)) {
      if (desired.isEmpty()) {
        table.delete(cookie);
      } else {
        table.replace(cookie, desired.stream().map(flow -> ChainFlows.render(cookie, flow)).toList());
      }
      LOG.info("ServiceChain {}/{}: {} flows on {} (cookie {})", namespace, chain.getMetadata().getName(),
          desired.size(), table.bridge(), ChainCookie.hex(cookie));
    }
    return problems;
  }
}
