package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the user's demo script expects to exist before the operator runs: the namespace, the BFB
 * PersistentVolumeClaim {@code bfb-pvc} (bound) and the pull secret {@code dpf-pull-secret}.
 */
public final class SeedPrerequisites {

  public static final String NAMESPACE = "dpf-operator-system";
  public static final String BFB_PVC = "bfb-pvc";
  public static final String PULL_SECRET = "dpf-pull-secret";
  /** The user the project's images run as. */
  public static final int NON_ROOT_UID = 65532;

  private SeedPrerequisites() {}

  public static void create(Cluster host) {
    create(host, bfbHostPath(host));
  }

  /**
   * Where the BFB volume lives on the node: in the real node's own directory when the cluster has one
   * (writable by the provisioning manager's non-root user, gone with the cluster), else a path no
   * container ever touches (KWOK pods mount nothing).
   */
  private static String bfbHostPath(Cluster host) {
    return host.realNode().map(node -> {
      try {
        Path dir = Files.createDirectories(node.directory().resolve("volumes/bfb"));
        Files.setAttribute(dir, "unix:uid", NON_ROOT_UID);
        Files.setAttribute(dir, "unix:gid", NON_ROOT_UID);
        return dir.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }).orElse("/var/lib/dpf/bfb");
  }

  private static void create(Cluster host, String bfbHostPath) {
    KubernetesClient client = host.client();
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    // No storage provisioner runs on a local cluster: a pre-bound volume stands in for the site's storage class.
    client.persistentVolumes().resource(new PersistentVolumeBuilder()
        .withNewMetadata().withName(NAMESPACE + "-" + BFB_PVC).endMetadata()
        .withNewSpec().withCapacity(Map.of("storage", new Quantity("10Gi"))).withAccessModes("ReadWriteOnce")
            .withStorageClassName("manual").withNewHostPath().withPath(bfbHostPath).endHostPath()
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
