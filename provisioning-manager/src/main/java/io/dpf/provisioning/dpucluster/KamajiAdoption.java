package io.dpf.provisioning.dpucluster;

import io.dpf.api.Names;
import io.dpf.api.provisioning.v1alpha1.DPUCluster;
import io.dpf.api.thirdparty.kamaji.v1alpha1.TenantControlPlane;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * A DPUCluster of type {@code kamaji} adopts the TenantControlPlane of the same name and namespace
 * that already exists (as in the seed: Kamaji installed, {@code dpu-cplane-tenant1} deployed), and
 * its admin kubeconfig Secret. Like DPF's Kamaji cluster manager, the cluster counts as Created once
 * the TCP reports its version status Ready. Creating a TCP is not done here, and the TCP gets no
 * owner reference: it was made by someone else, and deleting the DPUCluster must not delete it.
 */
public final class KamajiAdoption {

  public static final String TYPE = "kamaji";
  static final String TCP_NOT_FOUND = "TenantControlPlaneNotFound";
  static final String TCP_NOT_READY = "TenantControlPlaneNotReady";
  static final String TCP_READY = "Ready";

  /** Either the kubeconfig Secret of a Ready TCP, or why the cluster is not Created yet. */
  public record Outcome(Optional<String> kubeconfigSecret, String reason, String message) {
    static Outcome adopted(String secret) {
      return new Outcome(Optional.of(secret), "", "");
    }

    static Outcome waiting(String reason, String message) {
      return new Outcome(Optional.empty(), reason, message);
    }
  }

  private KamajiAdoption() {}

  public static boolean applies(DPUCluster cluster) {
    return TYPE.equals(cluster.getSpec().getType());
  }

  /** Reads the TCP; a host without Kamaji's CRD reads as no TCP, so the condition says what is missing. */
  public static Outcome observe(KubernetesClient host, DPUCluster cluster) {
    TenantControlPlane tcp;
    try {
      tcp = host.resources(TenantControlPlane.class).inNamespace(cluster.getMetadata().getNamespace())
          .withName(cluster.getMetadata().getName()).get();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
      tcp = null;
    }
    return decide(cluster, tcp);
  }

  /** Pure: the adoption outcome for a DPUCluster and the TCP found for it (null when none). */
  static Outcome decide(DPUCluster cluster, TenantControlPlane tcp) {
    String where = cluster.getMetadata().getNamespace() + "/" + cluster.getMetadata().getName();
    if (tcp == null) {
      return Outcome.waiting(TCP_NOT_FOUND, "no TenantControlPlane " + where + " to adopt");
    }
    String versionStatus = Optional.ofNullable(tcp.getStatus())
        .map(s -> s.getKubernetesResources()).map(r -> r.getVersion()).map(v -> v.getStatus()).orElse(null);
    if (!TCP_READY.equals(versionStatus)) {
      return Outcome.waiting(TCP_NOT_READY, "TenantControlPlane " + where + " version status is "
          + (versionStatus == null ? "not reported yet" : versionStatus));
    }
    String secret = Optional.ofNullable(tcp.getStatus().getKubeconfig()).map(k -> k.getAdmin())
        .map(a -> a.getSecretName()).filter(name -> !name.isBlank())
        .orElse(Names.adminKubeconfigSecret(cluster.getMetadata().getName()));
    return Outcome.adopted(secret);
  }
}
