package io.dpf.cli.read;

import io.dpf.api.Names;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one DPU cluster the way the DPF managers reach it: the Secret its DPUCluster's
 * {@code spec.kubeconfig} names ({@code <name>-admin-kubeconfig} when unset), key
 * {@code admin.conf}. Short timeouts and no retries: a dead cluster must cost seconds, and it
 * becomes a row that says what went wrong.
 */
final class DpuClusterReader {

  static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  static final int REQUEST_TIMEOUT_MILLIS = 15_000;

  private final KubernetesClient host;
  private final ClientFactory clients;

  DpuClusterReader(KubernetesClient host, ClientFactory clients) {
    this.host = host;
    this.clients = clients;
  }

  DpuClusterView read(GenericKubernetesResource cluster, boolean workloads) {
    String namespace = Fields.namespace(cluster);
    String name = Fields.name(cluster);
    String named = Fields.string(cluster, "spec", "kubeconfig");
    String secretName = named == null || named.isBlank() ? Names.adminKubeconfigSecret(name) : named;
    String secretRef = "Secret " + namespace + "/" + secretName;
    Secret secret;
    try {
      secret = host.secrets().inNamespace(namespace).withName(secretName).get();
    } catch (KubernetesClientException e) {
      return DpuClusterView.unreachable(namespace, name, "cannot read kubeconfig " + secretRef + ": "
          + Problems.describe(e));
    }
    if (secret == null) {
      return DpuClusterView.unreachable(namespace, name, "kubeconfig " + secretRef + " not found");
    }
    String kubeconfig = kubeconfigOf(secret);
    if (kubeconfig == null) {
      return DpuClusterView.unreachable(namespace, name, secretRef + " has no key " + Names.KUBECONFIG_KEY);
    }
    Config config;
    try {
      config = new ConfigBuilder(Config.fromKubeconfig(kubeconfig))
          .withConnectionTimeout(CONNECT_TIMEOUT_MILLIS)
          .withRequestTimeout(REQUEST_TIMEOUT_MILLIS)
          .withRequestRetryBackoffLimit(0)
          .build();
    } catch (RuntimeException e) {
      return DpuClusterView.unreachable(namespace, name, "invalid kubeconfig in " + secretRef + ": "
          + Problems.describe(e));
    }
    try (KubernetesClient client = clients.create(config)) {
      Map<Kind, List<GenericKubernetesResource>> objects = new LinkedHashMap<>();
      objects.put(Kind.NODE, ClusterReader.list(client, Kind.NODE));
      if (workloads) {
        for (Kind kind : ReadPlan.DPU_WORKLOAD_KINDS) {
          objects.put(kind, ClusterReader.list(client, kind));
        }
      }
      return new DpuClusterView(namespace, name, null, objects);
    } catch (RuntimeException e) {
      return DpuClusterView.unreachable(namespace, name, "cannot reach " + config.getMasterUrl() + " (from "
          + secretRef + "): " + Problems.describe(e));
    }
  }

  static String kubeconfigOf(Secret secret) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(Names.KUBECONFIG_KEY) != null) {
      return new String(Base64.getDecoder().decode(data.get(Names.KUBECONFIG_KEY)), StandardCharsets.UTF_8);
    }
    Map<String, String> stringData = secret.getStringData();
    return stringData == null ? null : stringData.get(Names.KUBECONFIG_KEY);
  }
}
