package io.dpf.runtime.manager;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Campaigns for a coordination.k8s.io Lease with fabric8's LeaderElector. */
final class LeaderElection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final KubernetesClient client;
  private final LeaderElectionSettings settings;
  private final Runnable onStartLeading;
  private final Runnable onStopLeading;
  private volatile boolean leader;
  private CompletableFuture<?> campaign;

  LeaderElection(KubernetesClient client, LeaderElectionSettings settings, Runnable onStartLeading,
      Runnable onStopLeading) {
    this.client = client;
    this.settings = settings;
    this.onStartLeading = onStartLeading;
    this.onStopLeading = onStopLeading;
  }

  synchronized void start() {
    var lock = new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity());
    var callbacks = new LeaderCallbacks(this::started, this::stopped, this::observed);
    var config = new LeaderElectionConfigBuilder()
        .withName(settings.leaseName())
        .withLock(lock)
        .withLeaseDuration(settings.leaseDuration())
        .withRenewDeadline(settings.renewDeadline())
        .withRetryPeriod(settings.retryPeriod())
        .withLeaderCallbacks(callbacks)
        // Hand over at once on a graceful stop instead of making the successor wait out the lease.
        .withReleaseOnCancel(true)
        .build();
    campaign = client.leaderElector().withConfig(config).build().start();
    LOG.info("{} campaigns for Lease {}/{}", settings.identity(), settings.namespace(),
        settings.leaseName());
  }

  boolean isLeader() {
    return leader;
  }

  @Override
  public synchronized void close() {
    if (campaign != null) {
      campaign.cancel(true);
      campaign = null;
    }
  }

  private void started() {
    leader = true;
    LOG.info("{} is now the leader of {}", settings.identity(), settings.leaseName());
    onStartLeading.run();
  }

  private void stopped() {
    leader = false;
    LOG.info("{} is no longer the leader of {}", settings.identity(), settings.leaseName());
    onStopLeading.run();
  }

  private void observed(String identity) {
    LOG.info("Lease {} is held by {}", settings.leaseName(), identity);
  }
}
