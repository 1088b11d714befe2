package io.dpf.runtime.manager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the Lease lives and how long leadership lasts. The defaults tolerate an API server blip of
 * up to {@code renewDeadline} (20s) without giving up leadership; a replica that dies is replaced
 * after {@code leaseDuration}; one that stops gracefully releases the Lease at once.
 */
public record LeaderElectionSettings(String namespace, String leaseName, String identity,
    Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

  private static final Path SERVICE_ACCOUNT_NAMESPACE =
      Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

  public LeaderElectionSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(identity, "identity");
    if (renewDeadline.compareTo(leaseDuration) >= 0 || retryPeriod.compareTo(renewDeadline) >= 0) {
      throw new IllegalArgumentException("need retryPeriod < renewDeadline < leaseDuration");
    }
  }

  /** Lease {@code leaseName} in {@code namespace}, this process identified by pod name and a nonce. */
  public static LeaderElectionSettings of(String namespace, String leaseName) {
    return new LeaderElectionSettings(namespace, leaseName, defaultIdentity(),
        Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(4));
  }

  /** The pod's own namespace when in a cluster (downward API or service account), else "default". */
  public static String podNamespace() {
    String fromEnvironment = System.getenv("POD_NAMESPACE");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return Files.readString(SERVICE_ACCOUNT_NAMESPACE).trim();
    } catch (IOException notInAPod) {
      return "default";
    }
  }

  public LeaderElectionSettings withIdentity(String newIdentity) {
    return new LeaderElectionSettings(namespace, leaseName, newIdentity, leaseDuration,
        renewDeadline, retryPeriod);
  }

  public LeaderElectionSettings withDurations(Duration lease, Duration renew, Duration retry) {
    return new LeaderElectionSettings(namespace, leaseName, identity, lease, renew, retry);
  }

  // Two replicas in the same pod name (a restart racing its predecessor) must still differ.
  private static String defaultIdentity() {
    String pod = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "manager");
    return pod + "_" + UUID.randomUUID().toString().substring(0, 8);
  }
}
