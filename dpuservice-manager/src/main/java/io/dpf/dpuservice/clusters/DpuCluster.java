package io.dpf.dpuservice.clusters;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * A DPU cluster we can talk to.
 *
 * @param namespace the DPUCluster's namespace
 * @param name the DPUCluster's name: ArgoCD's cluster name and the Applications' name prefix
 * @param labels the DPUCluster's labels, which {@code clusterSelector}s match
 * @param credentials what ArgoCD needs to reach it, from its admin kubeconfig
 * @param client an admin client (shared, owned by the registry: do not close)
 */
public record DpuCluster(String namespace, String name, Map<String, String> labels,
    KubeconfigCredentials credentials, KubernetesClient client) {
}
