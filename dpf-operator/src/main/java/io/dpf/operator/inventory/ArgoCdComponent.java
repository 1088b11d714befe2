package io.dpf.operator.inventory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD on the host cluster: its own Application and AppProject CRDs (upstream's, from the chart's
 * {@code crds/}; dpf-api's typed subsets would enable a status subresource, and Argo CD writes
 * status through the main resource) and what its chart renders. DPUServices become Applications
 * that Argo CD syncs into the DPU clusters.
 */
final class ArgoCdComponent extends HostComponent {

  private static final List<String> CRDS = List.of(
      "/argocd-crds/application-crd.yaml", "/argocd-crds/appproject-crd.yaml");

  ArgoCdComponent() {
    super(Inventory.ARGOCD);
  }

  @Override
  public List<HasMetadata> render(RenderInputs inputs) throws InvalidConfigException {
    List<HasMetadata> objects = new ArrayList<>();
    for (String crd : CRDS) {
      objects.addAll(parse(load(crd)));
    }
    HostEdits.apply(objects, inputs); // labels only: CRDs are cluster-scoped
    objects.addAll(super.render(inputs));
    return objects;
  }
}
