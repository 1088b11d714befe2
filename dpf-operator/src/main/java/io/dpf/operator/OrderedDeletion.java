package io.dpf.operator;

import io.dpf.api.LabelKeys;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes what users and DPF created, in the order DPF requires: chains/interfaces/IPAM first (their
 * cleanup needs the SFC components), then DPUDeployments and their templates, then DPUServices and
 * credential requests (which need the DPU clusters), then the provisioning objects. A stage must be
 * empty before the next one starts. Objects owned by a DPUDeployment are left to it.
 */
final class OrderedDeletion {

  record Kind(String apiVersion, String kind) {}

  static final List<List<Kind>> STAGES = List.of(
      List.of(svc("DPUServiceChain"), svc("DPUServiceInterface"), svc("DPUServiceIPAM")),
      List.of(svc("DPUDeployment"), svc("DPUServiceTemplate"), svc("DPUServiceConfiguration")),
      List.of(svc("DPUService"), svc("DPUServiceCredentialRequest")),
      List.of(prov("DPUCluster"), prov("DPUSet"), prov("BFB"), prov("DPUFlavor")));

  private final KubernetesClient client;

  OrderedDeletion(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Deletes the first stage that still has objects.
   *
   * @return what is still there, e.g. "DPUService dpf-operator-system/flannel"; empty when all stages are empty
   */
  List<String> step() {
    for (List<Kind> stage : STAGES) {
      List<String> remaining = new ArrayList<>();
      for (Kind kind : stage) {
        for (GenericKubernetesResource object : list(kind)) {
          if (ownedByDpuDeployment(object)) {
            continue;
          }
          remaining.add(kind.kind() + " " + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName());
          if (object.getMetadata().getDeletionTimestamp() == null) {
            client.resource(object).delete();
          }
        }
      }
      if (!remaining.isEmpty()) {
        return remaining;
      }
    }
    return List.of();
  }

  private List<GenericKubernetesResource> list(Kind kind) {
    try {
      return client.genericKubernetesResources(kind.apiVersion(), kind.kind()).inAnyNamespace().list().getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404 || e.getMessage().contains("Could not find the metadata")) {
        return List.of(); // the kind is not installed on this cluster
      }
      throw e;
    }
  }

  private static boolean ownedByDpuDeployment(GenericKubernetesResource object) {
    return object.getMetadata().getLabels() != null
        && object.getMetadata().getLabels().containsKey(LabelKeys.OWNED_BY_DPU_DEPLOYMENT);
  }

  private static Kind svc(String kind) {
    return new Kind("svc.dpu.nvidia.com/v1alpha1", kind);
  }

  private static Kind prov(String kind) {
    return new Kind("provisioning.dpu.nvidia.com/v1alpha1", kind);
  }
}
