package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Registers a DPU cluster on the host cluster the way users do: its admin kubeconfig in Secret
 * {@code <name>-admin-kubeconfig}, key {@code admin.conf}, in namespace {@code <namespace>}
 * (Kamaji's convention, as for the seed's {@code dpu-cplane-tenant1}).
 */
public final class DpuClusters {

  public static final String KUBECONFIG_KEY = "admin.conf";

  private DpuClusters() {}

  public static String secretName(String clusterName) {
    return clusterName + "-admin-kubeconfig";
  }

  public static Secret register(Cluster host, String namespace, String clusterName, Cluster dpuCluster) {
    return register(host, namespace, clusterName, dpuCluster.kubeconfigYaml());
  }

  /** As {@link #register(Cluster, String, String, Cluster)}, with a kubeconfig of the caller's (e.g. through a relay). */
  public static Secret register(Cluster host, String namespace, String clusterName, String kubeconfigYaml) {
    KubernetesClient client = host.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    Secret secret = new SecretBuilder()
        .withNewMetadata().withName(secretName(clusterName)).withNamespace(namespace)
            .addToLabels("kamaji.clastix.io/name", clusterName)
            .addToLabels("kamaji.clastix.io/project", "kamaji")
            .addToLabels("kamaji.clastix.io/component", "admin-kubeconfig")
        .endMetadata()
        .withType("Opaque")
        .addToStringData(KUBECONFIG_KEY, kubeconfigYaml)
        .build();
    return client.secrets().resource(secret).serverSideApply();
  }
}
