package io.dpf.provisioning;

import io.dpf.api.provisioning.v1alpha1.DPU;
import io.dpf.api.provisioning.v1alpha1.DPUSet;
import io.dpf.runtime.controller.KindCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who uses a BFB or a DPUFlavor: the DPUSets and DPUs of the same namespace that name it, found in
 * the manager's shared caches by index. Deleting either is refused (the finalizer stays) while this
 * list is not empty, as DPF's webhooks refuse it.
 */
public final class References {

  private static final String BFB = "bfb";
  private static final String FLAVOR = "flavor";

  private final KindCache<DPUSet> sets;
  private final KindCache<DPU> dpus;

  public References(KindCache<DPUSet> sets, KindCache<DPU> dpus) {
    this.sets = sets.addIndex(BFB, set -> key(set.getMetadata().getNamespace(), bfbOf(set)))
        .addIndex(FLAVOR, set -> key(set.getMetadata().getNamespace(), flavorOf(set)));
    this.dpus = dpus.addIndex(BFB, dpu -> key(dpu.getMetadata().getNamespace(),
            dpu.getSpec() == null ? null : dpu.getSpec().getBfb()))
        .addIndex(FLAVOR, dpu -> key(dpu.getMetadata().getNamespace(),
            dpu.getSpec() == null ? null : dpu.getSpec().getDpuFlavor()));
  }

  /** "DPUSet a, DPU b-0000-4b-00": users of BFB {@code name}. */
  public List<String> toBfb(String namespace, String name) {
    return users(BFB, namespace, name);
  }

  public List<String> toFlavor(String namespace, String name) {
    return users(FLAVOR, namespace, name);
  }

  private List<String> users(String index, String namespace, String name) {
    List<String> users = new ArrayList<>();
    String key = namespace + "/" + name;
    sets.byIndex(index, key).stream().map(set -> set.getMetadata().getName()).sorted()
        .forEach(set -> users.add("DPUSet " + set));
    dpus.byIndex(index, key).stream().map(dpu -> dpu.getMetadata().getName()).sorted()
        .forEach(dpu -> users.add("DPU " + dpu));
    return users;
  }

  public static String bfbOf(DPUSet set) {
    return Optional.ofNullable(set.getSpec()).map(s -> s.getDpuTemplate()).map(t -> t.getSpec())
        .map(t -> t.getBfb()).map(b -> b.getName()).orElse(null);
  }

  public static String flavorOf(DPUSet set) {
    return Optional.ofNullable(set.getSpec()).map(s -> s.getDpuTemplate()).map(t -> t.getSpec())
        .map(t -> t.getDpuFlavor()).orElse(null);
  }

  private static List<String> key(String namespace, String name) {
    return name == null ? List.of() : List.of(namespace + "/" + name);
  }
}
