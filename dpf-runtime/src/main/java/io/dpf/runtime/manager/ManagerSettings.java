package io.dpf.runtime.manager;

import java.time.Duration;
import java.util.Optional;

/**
 * @param name the manager's name: logs, the default Lease name
 * @param httpPort port of /healthz, /readyz and /metrics; 0 picks a free one
 * @param leaderElection null to reconcile without electing a leader (a single local process)
 * @param shutdownGrace how long reconciles in progress may take to finish on shutdown
 */
public record ManagerSettings(String name, int httpPort, LeaderElectionSettings leaderElection,
    Duration shutdownGrace) {

  public static final int DEFAULT_HTTP_PORT = 8081;

  /** Defaults for a manager running in a pod: leader election on, Lease {@code <name>-leader}. */
  public static ManagerSettings inCluster(String name) {
    return new ManagerSettings(name, DEFAULT_HTTP_PORT,
        LeaderElectionSettings.of(LeaderElectionSettings.podNamespace(), name + "-leader"),
        Duration.ofSeconds(20));
  }

  public Optional<LeaderElectionSettings> leaderElectionSettings() {
    return Optional.ofNullable(leaderElection);
  }

  public ManagerSettings withHttpPort(int port) {
    return new ManagerSettings(name, port, leaderElection, shutdownGrace);
  }

  public ManagerSettings withLeaderElection(LeaderElectionSettings settings) {
    return new ManagerSettings(name, httpPort, settings, shutdownGrace);
  }

  public ManagerSettings withoutLeaderElection() {
    return new ManagerSettings(name, httpPort, null, shutdownGrace);
  }
}
