package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * What the user's demo script expects to exist before the operator runs: the namespace, the BFB
 * PersistentVolumeClaim {@code bfb-pvc} (bound) and the pull secret {@code dpf-pull-secret}.
 */
public final class SeedPrerequisites {

  public static final String NAMESPACE = "dpf-operator-system";
  public static final String BFB_PVC = "bfb-pvc";
  public static final String PULL_SECRET = "dpf-pull-secret";

  private SeedPrerequisites() {}

  public static void create(Cluster host) {
    KubernetesClient client = host.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    // No storage provisioner runs on a local cluster: a pre-bound volume stands in for the site's storage class.
    client.persistentVolumes().resource(new PersistentVolumeBuilder()
        .withNewMetadata().withName(NAMESPACE + "-" + BFB_PVC).endMetadata()
        .withNewSpec().withCapacity(Map.of("storage", new Quantity("10Gi"))).withAccessModes("ReadWriteOnce")
            .withStorageClassName("manual").withNewHostPath().withPath("/var/lib/dpf/bfb").endHostPath()
        .endSpec().build()).serverSideApply();
    client.persistentVolumeClaims().inNamespace(NAMESPACE).resource(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(BFB_PVC).endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("manual")
            .withVolumeName(NAMESPACE + "-" + BFB_PVC)
            .withNewResources().addToRequests("storage", new Quantity("10Gi")).endResources()
        .endSpec().build()).serverSideApply();
    client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder()
        .withNewMetadata().withName(PULL_SECRET).endMetadata()
        .withType("kubernetes.io/dockerconfigjson")
        .addToStringData(".dockerconfigjson", "{\"auths\":{}}").build()).serverSideApply();
  }
}
