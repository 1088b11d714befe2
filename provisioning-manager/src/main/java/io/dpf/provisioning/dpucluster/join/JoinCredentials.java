package io.dpf.provisioning.dpucluster.join;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * The credentials a DPU joins its DPU cluster with, made without a kubeadm binary: a bootstrap
 * token Secret in the DPU cluster and the hash of the cluster CA, combined into the
 * {@code kubeadm join} command that bf.cfg runs on the DPU.
 *
 * <p>A token lives {@link #LIFETIME}; a new one is made once the newest has less than
 * {@link #ROTATE_BEFORE} left, which is longer than any install, so a DPU whose bf.cfg carries the
 * old token can still join with it. Expired tokens are deleted by the cluster's tokencleaner.
 */
public final class JoinCredentials {

  public static final Duration LIFETIME = Duration.ofHours(24);
  public static final Duration ROTATE_BEFORE = Duration.ofHours(12);

  private final Clock clock;

  public JoinCredentials(Clock clock) {
    this.clock = clock;
  }

  /** The join command for the DPU cluster behind {@code dpuCluster}, making or rotating its token when due. */
  public String joinCommand(KubernetesClient dpuCluster) {
    BootstrapToken token = ensureToken(dpuCluster);
    Config config = dpuCluster.getConfiguration();
    return command(endpoint(config.getMasterUrl()), token, CaCertHash.of(clusterCaPem(config)));
  }

  public static String command(String endpoint, BootstrapToken token, String caCertHash) {
    return "kubeadm join " + endpoint + " --token " + token.token() + " --discovery-token-ca-cert-hash " + caCertHash;
  }

  /** The newest token this manager made that is not due for rotation, else a new one. */
  public BootstrapToken ensureToken(KubernetesClient dpuCluster) {
    Instant now = clock.instant();
    Optional<BootstrapToken> current = dpuCluster.secrets().inNamespace(BootstrapToken.NAMESPACE)
        .withLabel(BootstrapToken.MANAGED_LABEL, "true").list().getItems().stream()
        .map(BootstrapToken::fromSecret).flatMap(Optional::stream)
        .max(Comparator.comparing(BootstrapToken::expiration))
        .filter(token -> token.expiration().isAfter(now.plus(ROTATE_BEFORE)));
    if (current.isPresent()) {
      return current.get();
    }
    BootstrapToken fresh = BootstrapToken.generate(now.plus(LIFETIME));
    Secret created = dpuCluster.secrets().inNamespace(BootstrapToken.NAMESPACE).resource(fresh.toSecret()).create();
    return BootstrapToken.fromSecret(created).orElse(fresh);
  }

  /** {@code host:port} of the API server URL; kubeadm join takes no scheme. */
  public static String endpoint(String masterUrl) {
    URI uri = URI.create(masterUrl);
    int port = uri.getPort() > 0 ? uri.getPort() : 443;
    String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
    return host + ":" + port;
  }

  private static String clusterCaPem(Config config) {
    if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
      return new String(Base64.getMimeDecoder().decode(config.getCaCertData()), StandardCharsets.US_ASCII);
    }
    if (config.getCaCertFile() != null) {
      try {
        return Files.readString(Path.of(config.getCaCertFile()), StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the DPU cluster CA " + config.getCaCertFile() + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException("the DPU cluster kubeconfig names no certificate authority to pin");
  }
}
