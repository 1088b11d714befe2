package io.dpf.provisioning;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who uses a BFB or a DPUFlavor: the DPUSets and DPUs of the same namespace that name it. Deleting
 * either is refused (the finalizer stays) while this list is not empty, as DPF's webhooks refuse it.
 */
public final class References {

  private final KubernetesClient client;

  public References(KubernetesClient client) {
    this.client = client;
  }

  /** "DPUSet a, DPU b-0000-4b-00": users of BFB {@code name}. */
  public List<String> toBfb(String namespace, String name) {
    List<String> users = new ArrayList<>();
    for (DPUSet set : client.resources(DPUSet.class).inNamespace(namespace).list().getItems()) {
      String bfb = Optional.ofNullable(set.getSpec()).map(s -> s.getDpuTemplate()).map(t -> t.getSpec())
          .map(t -> t.getBfb()).map(b -> b.getName()).orElse(null);
      if (name.equals(bfb)) {
        users.add("DPUSet " + set.getMetadata().getName());
      }
    }
    for (DPU dpu : client.resources(DPU.class).inNamespace(namespace).list().getItems()) {
      if (dpu.getSpec() != null && name.equals(dpu.getSpec().getBfb())) {
        users.add("DPU " + dpu.getMetadata().getName());
      }
    }
    return users;
  }

  public List<String> toFlavor(String namespace, String name) {
    List<String> users = new ArrayList<>();
    for (DPUSet set : client.resources(DPUSet.class).inNamespace(namespace).list().getItems()) {
      String flavor = Optional.ofNullable(set.getSpec()).map(s -> s.getDpuTemplate()).map(t -> t.getSpec())
          .map(t -> t.getDpuFlavor()).orElse(null);
      if (Objects.equals(name, flavor)) {
        users.add("DPUSet " + set.getMetadata().getName());
      }
    }
    for (DPU dpu : client.resources(DPU.class).inNamespace(namespace).list().getItems()) {
      if (dpu.getSpec() != null && name.equals(dpu.getSpec().getDpuFlavor())) {
        users.add("DPU " + dpu.getMetadata().getName());
      }
    }
    return users;
  }
}
