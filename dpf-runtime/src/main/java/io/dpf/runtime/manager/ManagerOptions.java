package io.dpf.runtime.manager;

import picocli.CommandLine.Option;

/**
 * The flags every manager has, declared once (a picocli mixin): name, type, default, environment
 * variable and description live here, and {@code --help} and the READMEs' flag tables are made
 * from them.
 */
public final class ManagerOptions {

  @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "" + ManagerSettings.DEFAULT_HTTP_PORT,
      description = "Port of /healthz, /readyz and /metrics; 0 picks a free one.")
  int httpPort;

  @Option(names = "--leader-elect",
      description = "Campaign for the Lease <manager>-leader in the pod's namespace and reconcile only while "
          + "holding it (several replicas: one reconciles, the others stand by with warm caches).")
  boolean leaderElect;

  @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "${env:DPF_LOG_FORMAT:-text}",
      description = "Log lines as text or json (one JSON object per line, MDC keys controller, namespace, "
          + "name, reconcileId included); env DPF_LOG_FORMAT.")
  LogFormat logFormat;

  /** The manager's settings from these flags: Lease {@code <name>-leader} when {@code --leader-elect}. */
  public ManagerSettings settings(String name) {
    ManagerSettings settings = ManagerSettings.inCluster(name).withoutLeaderElection().withHttpPort(httpPort);
    return leaderElect
        ? settings.withLeaderElection(LeaderElectionSettings.of(LeaderElectionSettings.podNamespace(), name + "-leader"))
        : settings;
  }

  public LogFormat logFormat() {
    return logFormat;
  }
}
