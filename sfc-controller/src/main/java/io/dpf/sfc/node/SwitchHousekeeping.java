package io.dpf.sfc.node;

import io.dpf.api.svc.v1alpha1.ServiceChain;
import io.dpf.api.svc.v1alpha1.ServiceInterface;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.ResourceKey;
import io.dpf.runtime.controller.Result;
import io.dpf.sfc.NodeSettings;
import io.dpf.sfc.ovs.OpenFlowTable;
import io.dpf.sfc.ovs.OvsException;
import io.dpf.sfc.ovs.OvsPorts;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work on this node's switch as a whole, keyed on this node's Node object and repeated every
 * {@code vswitchdPoll}: when ovs-vswitchd restarted, every interface and chain of the node is queued
 * at once (their reconciles find the flows gone and install them again); every {@code sweep}, what
 * no object asks for any more is removed ({@link StaleSweep}).
 */
public final class SwitchHousekeeping implements Reconciler<Node> {

  private static final Logger LOG = LoggerFactory.getLogger(SwitchHousekeeping.class);

  private final NodeSettings settings;
  private final VswitchdRestarts restarts;
  private final StaleSweep sweep;
  private final Supplier<Controller<ServiceInterface>> interfaces;
  private final Supplier<Controller<ServiceChain>> chains;
  private final Clock clock;
  private Instant lastSweep = Instant.MIN;

  public SwitchHousekeeping(KubernetesClient client, NodeSettings settings, OvsPorts ovs, OpenFlowTable table,
      Supplier<Controller<ServiceInterface>> interfaces, Supplier<Controller<ServiceChain>> chains, Clock clock) {
    this.settings = settings;
    this.restarts = new VswitchdRestarts(settings.ovs().vswitchdPidFile());
    this.sweep = new StaleSweep(client, settings::isMine, ovs, table);
    this.interfaces = interfaces;
    this.chains = chains;
    this.clock = clock;
  }

  @Override
  public Result reconcile(Node node) {
    if (!node.getMetadata().getName().equals(settings.nodeName())) {
      return Result.done();
    }
    if (restarts.restartedSinceLastLook()) {
      LOG.info("ovs-vswitchd restarted on node {}: programming every interface and chain again", settings.nodeName());
      interfaces.get().primaryCache().list().stream().filter(si -> settings.isMine(si.getSpec().getNode()))
          .forEach(si -> interfaces.get().enqueue(ResourceKey.of(si)));
      chains.get().primaryCache().list().stream().filter(chain -> settings.isMine(chain.getSpec().getNode()))
          .forEach(chain -> chains.get().enqueue(ResourceKey.of(chain)));
    }
    Instant now = clock.instant();
    if (!now.isBefore(lastSweep.plus(settings.sweep()))) {
      lastSweep = now;
      try {
        sweep.run();
      } catch (OvsException | KubernetesClientException e) {
        // Retried next period; failing the reconcile would back off and delay noticing restarts.
        LOG.warn("sweeping stale flows and ports on node {} failed: {}", settings.nodeName(), e.getMessage());
      }
    }
    return Result.requeueAfter(settings.vswitchdPoll());
  }
}
