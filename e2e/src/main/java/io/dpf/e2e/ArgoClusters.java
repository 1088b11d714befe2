package io.dpf.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.dpf.api.thirdparty.argocd.v1alpha1.ApplicationDestination;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Argo CD's cluster registry as Argo CD reads it: Secrets labelled
 * {@code argocd.argoproj.io/secret-type=cluster} with {@code name}, {@code server} and {@code config}
 * ({@code tlsClientConfig} with base64 PEM data); {@code in-cluster} is the host itself.
 */
final class ArgoClusters {

  private final KubernetesClient host;
  private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

  ArgoClusters(KubernetesClient host) {
    this.host = host;
  }

  KubernetesClient client(String argoNamespace, ApplicationDestination destination) {
    if ("in-cluster".equals(destination.getName()) || "https://kubernetes.default.svc".equals(destination.getServer())) {
      return host;
    }
    for (Secret secret : host.secrets().inNamespace(argoNamespace)
        .withLabel("argocd.argoproj.io/secret-type", "cluster").list().getItems()) {
      String name = decode(secret, "name");
      String server = decode(secret, "server");
      if (Objects.equals(name, destination.getName()) || Objects.equals(server, destination.getServer())) {
        String key = secret.getMetadata().getUid() + "@" + secret.getMetadata().getResourceVersion();
        return clients.computeIfAbsent(key, k -> connect(server, decode(secret, "config")));
      }
    }
    throw new IllegalStateException("no Argo CD cluster Secret in " + argoNamespace + " for destination "
        + Objects.requireNonNullElse(destination.getName(), destination.getServer()));
  }

  private KubernetesClient connect(String server, String configJson) {
    JsonNode tls = host.getKubernetesSerialization().unmarshal(configJson, JsonNode.class).path("tlsClientConfig");
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server)
        .withCaCertData(text(tls, "caData")).withClientCertData(text(tls, "certData"))
        .withClientKeyData(text(tls, "keyData")).withTrustCerts(false)
        .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static String decode(Secret secret, String key) {
    if (secret.getData() != null && secret.getData().containsKey(key)) {
      return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
    return secret.getStringData() == null ? null : secret.getStringData().get(key);
  }
}
