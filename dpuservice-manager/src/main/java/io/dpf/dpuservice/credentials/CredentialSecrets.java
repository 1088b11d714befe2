package io.dpf.dpuservice.credentials;

import io.dpf.api.svc.v1alpha1.CredentialType;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequestSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The host Secret a credential request produces (no I/O). */
public final class CredentialSecrets {

  /** Where the target cluster's API is, and the base64 CA that signs its certificate. */
  record ApiEndpoint(String server, String caData) {}

  /** Back-links from the Secret to its request, for the watch that recreates a deleted Secret. */
  public static final String NAME_LABEL = "dpu.nvidia.com/dpuservicecredentialrequest-name";
  public static final String NAMESPACE_LABEL = "dpu.nvidia.com/dpuservicecredentialrequest-namespace";

  private CredentialSecrets() {}

  static Secret render(DPUServiceCredentialRequest request, ApiEndpoint endpoint, String token) {
    DPUServiceCredentialRequestSpec spec = request.getSpec();
    Map<String, String> data = new LinkedHashMap<>();
    if (spec.getType() == CredentialType.KUBECONFIG) {
      data.put("kubeconfig", kubeconfig(spec.getServiceAccount().getName(), endpoint, token));
    } else {
      URI server = URI.create(endpoint.server());
      data.put("KUBERNETES_SERVICE_HOST", server.getHost());
      data.put("KUBERNETES_SERVICE_PORT", String.valueOf(server.getPort() < 0 ? 443 : server.getPort()));
      data.put("KUBERNETES_CA_DATA", endpoint.caData() == null ? "" : endpoint.caData());
      data.put("TOKEN_FILE", token);
    }
    Map<String, String> encoded = new LinkedHashMap<>();
    data.forEach((key, value) -> encoded.put(key, base64(value)));
    SecretBuilder secret = new SecretBuilder()
        .withNewMetadata()
            .withName(spec.getSecret().getName())
            .withNamespace(spec.getSecret().getNamespace())
        .endMetadata()
        .withType("Opaque")
        .withData(encoded);
    Map<String, String> labels = new LinkedHashMap<>();
    if (spec.getMetadata() != null && spec.getMetadata().getLabels() != null) {
      labels.putAll(spec.getMetadata().getLabels());
    }
    labels.put(NAME_LABEL, request.getMetadata().getName());
    labels.put(NAMESPACE_LABEL, request.getMetadata().getNamespace());
    secret.editMetadata().withLabels(labels).endMetadata();
    if (spec.getMetadata() != null && spec.getMetadata().getAnnotations() != null) {
      secret.editMetadata().withAnnotations(spec.getMetadata().getAnnotations()).endMetadata();
    }
    return secret.build();
  }

  static String kubeconfig(String user, ApiEndpoint endpoint, String token) {
    String ca = endpoint.caData() == null ? "" : "\n    certificate-authority-data: " + endpoint.caData();
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: target
          cluster:
            server: %s%s
        users:
        - name: %s
          user:
            token: %s
        contexts:
        - name: %s@target
          context: {cluster: target, user: %s}
        current-context: %s@target
        """.formatted(endpoint.server(), ca, user, token, user, user, user);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
