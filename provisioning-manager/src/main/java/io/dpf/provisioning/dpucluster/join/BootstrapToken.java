package io.dpf.provisioning.dpucluster.join;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A kubeadm-style bootstrap token (https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/):
 * stored as Secret {@code bootstrap-token-<id>} of type {@code bootstrap.kubernetes.io/token} in
 * kube-system, where the API server authenticates it and the bootstrapsigner signs cluster-info with it.
 */
public record BootstrapToken(String id, String secret, Instant expiration) {

  public static final String NAMESPACE = "kube-system";
  public static final String SECRET_TYPE = "bootstrap.kubernetes.io/token";
  public static final String NAME_PREFIX = "bootstrap-token-";
  /** kubeadm's group, which its RBAC lets create CSRs that are auto-approved for joining nodes. */
  public static final String JOIN_GROUP = "system:bootstrappers:kubeadm:default-node-token";
  /** Marks the tokens this manager made, so rotation never touches a token an admin made. */
  public static final String MANAGED_LABEL = "provisioning.dpu.nvidia.com/join-token";

  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  public static BootstrapToken generate(Instant expiration) {
    return new BootstrapToken(random(6), random(16), expiration);
  }

  public String secretName() {
    return NAME_PREFIX + id;
  }

  /** {@code <id>.<secret>}, the form {@code kubeadm join --token} takes. */
  public String token() {
    return id + "." + secret;
  }

  public Secret toSecret() {
    return new SecretBuilder()
        .withNewMetadata().withName(secretName()).withNamespace(NAMESPACE).addToLabels(MANAGED_LABEL, "true").endMetadata()
        .withType(SECRET_TYPE)
        .withStringData(Map.of(
            "token-id", id,
            "token-secret", secret,
            "expiration", expiration.toString(),
            "usage-bootstrap-authentication", "true",
            "usage-bootstrap-signing", "true",
            "auth-extra-groups", JOIN_GROUP,
            "description", "DPU join token made by the DPF provisioning manager"))
        .build();
  }

  /** The token in a Secret, if it is a well-formed one with an expiration. */
  public static Optional<BootstrapToken> fromSecret(Secret secret) {
    Map<String, String> data = secret.getData();
    if (data == null || !SECRET_TYPE.equals(secret.getType())) {
      return Optional.empty();
    }
    String id = decode(data.get("token-id"));
    String tokenSecret = decode(data.get("token-secret"));
    String expiration = decode(data.get("expiration"));
    if (id == null || tokenSecret == null || expiration == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BootstrapToken(id, tokenSecret, Instant.parse(expiration)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String decode(String base64) {
    return base64 == null ? null : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }

  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
